using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SentinelContent.Emulator.Logs;

/// <summary>
/// The query API's error object (OneAPI): {"error":{"code","message","correlationId","innererror":{"code","message"}}}.
/// The top-level codes are the service's (BadArgumentError, PathNotFoundError, GatewayTimeout...); the inner
/// error says what in the query failed (SyntaxError, SemanticError...).
/// </summary>
public static class LogsErrors
{
    public static JsonObject Error(string code, string message, string? innerCode = null, string? innerMessage = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message, ["correlationId"] = Guid.NewGuid().ToString() };
        if (innerCode is not null) error["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = innerMessage ?? message };
        return error;
    }

    public static Task Write(HttpContext context, int status, string code, string message, string? innerCode = null, string? innerMessage = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(new JsonObject { ["error"] = Error(code, message, innerCode, innerMessage) }.ToJsonString());
    }
}
