using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SentinelContent.Emulator;

/// <summary>
/// What ARM stores and answers for each resource type, beyond the fields the client sent: the read-only fields
/// each provider adds (times, provisioning state, a Logic App's identity principal and access endpoint, a
/// connection's status and expanded API), and the write-only fields it never returns (secure workflow parameter
/// values, a connection's parameterValues). The stored body keeps what was sent; <see cref="Present"/> removes
/// the write-only fields from every answer.
/// </summary>
public static class ResourceShapes
{
    private static readonly HashSet<string> SecureTypes = new(StringComparer.OrdinalIgnoreCase) { "SecureString", "SecureObject" };

    public static JsonObject Shape(ArmPath path, string name, JsonObject body, JsonObject? current, string etag)
    {
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");
        var result = new JsonObject
        {
            ["id"] = path.ResourceId(name),
            ["name"] = name,
            ["type"] = path.Type,
            ["etag"] = etag,
        };
        if (body["kind"] is { } kind) result["kind"] = kind.DeepClone();
        if (body["location"] is { } location) result["location"] = location.DeepClone();
        if (body["tags"] is { } tags) result["tags"] = tags.DeepClone();
        var properties = (JsonObject)body["properties"]!.DeepClone();
        var created = RequestJson.Member(current, "properties") as JsonObject;
        switch (path.Collection)
        {
            case "alertRules":
                properties["lastModifiedUtc"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
                break;
            case "automationRules":
                properties["createdTimeUtc"] = created?["createdTimeUtc"]?.DeepClone() ?? now;
                properties["lastModifiedTimeUtc"] = now;
                properties["createdBy"] = Principal();
                properties["lastModifiedBy"] = Principal();
                break;
            case "workflows":
                if (RequestJson.Text(RequestJson.Member(body["identity"], "type")) is "SystemAssigned")
                {
                    result["identity"] = new JsonObject
                    {
                        ["type"] = "SystemAssigned",
                        ["principalId"] = StableGuid("principal:" + path.ResourceId(name)).ToString(),
                        ["tenantId"] = StableGuid("tenant:" + path.Scope).ToString(),
                    };
                }
                properties["provisioningState"] = "Succeeded";
                properties["createdTime"] = created?["createdTime"]?.DeepClone() ?? now;
                properties["changedTime"] = now;
                properties["version"] = Guid.NewGuid().ToString("N").ToUpperInvariant()[..18];
                properties["state"] ??= "Enabled";
                properties["accessEndpoint"] = $"https://prod-00.{body["location"]}.logic.azure.com:443/workflows/{StableGuid("workflow:" + path.ResourceId(name)):N}";
                properties["endpointsConfiguration"] = new JsonObject { ["workflow"] = new JsonObject(), ["connector"] = new JsonObject() };
                break;
            case "connections":
                var apiId = RequestJson.Text(RequestJson.Member(properties["api"], "id")) ?? string.Empty;
                var apiName = apiId[(apiId.LastIndexOf('/') + 1)..];
                properties["api"] = new JsonObject { ["name"] = apiName, ["displayName"] = apiName, ["id"] = apiId, ["type"] = "Microsoft.Web/locations/managedApis" };
                var alternative = RequestJson.Text(properties["parameterValueType"]) == "Alternative";
                properties["statuses"] = alternative
                    ? new JsonArray(new JsonObject { ["status"] = "Ready" })
                    : new JsonArray(new JsonObject { ["status"] = "Error", ["target"] = "token", ["error"] = new JsonObject { ["code"] = "Unauthenticated", ["message"] = "This connection is not authenticated." } });
                properties["overallStatus"] = alternative ? "Ready" : "Error";
                properties["createdTime"] = created?["createdTime"]?.DeepClone() ?? now;
                properties["changedTime"] = now;
                break;
        }
        result["properties"] = properties;
        return result;
    }

    /// <summary>The stored body as ARM answers it: without the fields ARM accepts on PUT but never returns.</summary>
    public static string Present(string collection, string stored)
    {
        if (collection is not ("workflows" or "connections")) return stored;
        var body = JsonNode.Parse(stored)!.AsObject();
        if (body["properties"] is not JsonObject properties) return stored;
        if (collection == "connections")
        {
            properties.Remove("parameterValues");
        }
        else if (properties["parameters"] is JsonObject parameters)
        {
            var declared = (properties["definition"] as JsonObject)?["parameters"] as JsonObject;
            foreach (var name in parameters.Select(p => p.Key).ToList())
            {
                if (declared?[name] is JsonObject d && RequestJson.Text(d["type"]) is { } type && SecureTypes.Contains(type))
                    parameters.Remove(name);
            }
        }
        return body.ToJsonString();
    }

    private static JsonObject Principal() => new() { ["objectId"] = "00000000-0000-0000-0000-00000000e001", ["userPrincipalName"] = "deployer@emulator.local", ["name"] = "emulator" };

    private static Guid StableGuid(string seed) => new(SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 16));
}
