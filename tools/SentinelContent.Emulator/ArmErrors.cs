using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SentinelContent.Emulator;

/// <summary>ARM's error response: a status and {"error":{"code","message"}}.</summary>
public static class ArmErrors
{
    public static Task Write(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
