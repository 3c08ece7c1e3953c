using System.Text.Json.Nodes;

namespace SentinelContent.Deploy.Arm;

/// <summary>A resource as ARM returns it: its name, its ETag and its whole JSON body (kind, properties, read-only fields).</summary>
public sealed record ArmResource(string Id, string Name, string? ETag, JsonObject Body)
{
    public JsonObject Properties => Body["properties"] as JsonObject ?? [];

    public string? Kind => Body["kind"]?.GetValue<string>();

    public static ArmResource FromJson(JsonObject body) => new(
        body["id"]?.GetValue<string>() ?? string.Empty,
        body["name"]?.GetValue<string>() ?? string.Empty,
        body["etag"]?.GetValue<string>(),
        body);
}
