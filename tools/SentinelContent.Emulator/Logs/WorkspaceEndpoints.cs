using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Emulator.Logs;

/// <summary>
/// The Microsoft.OperationalInsights resources schema pull and the query client read over ARM, read-only:
/// the workspace (its properties.customerId is the id the query API takes), its tables
/// (properties.schema with standardColumns, and columns for custom _CL tables) and its saved searches
/// (functions carry properties.functionAlias and functionParameters), at the pinned api-version.
/// </summary>
public sealed class WorkspaceEndpoints(LogStore store, EmulatorOptions options)
{
    /// <summary>The workspace path (8 segments) optionally followed by tables[/name] or savedSearches.</summary>
    public static bool Matches(HttpContext context) => Parse(context.Request.Path.Value ?? string.Empty) is not null;

    public async Task Handle(HttpContext context)
    {
        var (workspace, collection, name) = Parse(context.Request.Path.Value!)!.Value;
        var apiVersion = context.Request.Query["api-version"].ToString();
        if (apiVersion.Length == 0)
        {
            await ArmErrors.Write(context, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
            return;
        }
        var supported = options.ApiVersions.GetValueOrDefault(ArmPath.OperationalInsights) ?? [];
        if (!supported.Contains(apiVersion))
        {
            await ArmErrors.Write(context, 400, "InvalidApiVersionParameter", $"The api-version '{apiVersion}' is invalid. The supported versions are '{string.Join("', '", supported)}'.");
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await ArmErrors.Write(context, 405, "MethodNotAllowed", "The emulator serves workspaces, tables and saved searches read-only.");
            return;
        }

        JsonNode? body = collection switch
        {
            null => Workspace(workspace),
            "tables" when name is null => new JsonObject { ["value"] = new JsonArray([.. store.Schemas.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => Table(workspace, s))]) },
            "tables" => store.Schemas.FirstOrDefault(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } schema ? Table(workspace, schema) : null,
            _ => new JsonObject { ["value"] = new JsonArray([.. store.Functions.Select(f => SavedSearch(workspace, f))]) },
        };
        if (body is null)
        {
            await ArmErrors.Write(context, 404, "ResourceNotFound", $"The table '{name}' was not found.");
            return;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>The workspace's id (customerId), stable per workspace path so a restart keeps it.</summary>
    public static string CustomerId(string workspacePath) =>
        new Guid(MD5.HashData(Encoding.UTF8.GetBytes(workspacePath.ToLowerInvariant()))).ToString();

    private static JsonObject Workspace(string path) => new()
    {
        ["id"] = path,
        ["name"] = path[(path.LastIndexOf('/') + 1)..],
        ["type"] = "Microsoft.OperationalInsights/workspaces",
        ["location"] = "local",
        ["properties"] = new JsonObject { ["customerId"] = CustomerId(path), ["provisioningState"] = "Succeeded", ["retentionInDays"] = 90 },
    };

    private static JsonObject Table(string workspace, TableSchema schema)
    {
        var custom = schema.Name.EndsWith("_CL", StringComparison.Ordinal);
        var columns = new JsonArray([.. schema.Columns.Select(c => new JsonObject { ["name"] = c.Name, ["type"] = ArmType(c.Type) })]);
        return new JsonObject
        {
            ["id"] = $"{workspace}/tables/{schema.Name}",
            ["name"] = schema.Name,
            ["properties"] = new JsonObject
            {
                ["schema"] = new JsonObject
                {
                    ["name"] = schema.Name,
                    ["tableType"] = custom ? "CustomLog" : "Microsoft",
                    ["description"] = schema.Description,
                    // The service lists a custom table's own columns under "columns", a built-in table's under "standardColumns".
                    ["columns"] = custom ? columns : null,
                    ["standardColumns"] = custom ? new JsonArray() : columns,
                },
                ["plan"] = "Analytics",
                ["provisioningState"] = "Succeeded",
            },
        };
    }

    private static JsonObject SavedSearch(string workspace, Kql.Binding.WorkspaceFunction function) => new()
    {
        ["id"] = $"{workspace}/savedSearches/{function.Name}",
        ["name"] = function.Name,
        ["properties"] = new JsonObject
        {
            ["category"] = "Functions",
            ["displayName"] = function.Name,
            ["query"] = function.Body.Trim() is { } body && body.StartsWith('{') && body.EndsWith('}') ? body[1..^1].Trim() : function.Body,
            ["functionAlias"] = function.Name,
            ["functionParameters"] = function.Parameters.Trim().TrimStart('(').TrimEnd(')'),
            ["version"] = 2,
        },
    };

    /// <summary>ARM's type names for table columns (boolean and dateTime, unlike KQL's bool and datetime).</summary>
    private static string ArmType(ScalarType type) => type switch
    {
        ScalarType.Bool => "boolean",
        ScalarType.DateTime => "dateTime",
        _ => type.Name(),
    };

    private static (string Workspace, string? Collection, string? Name)? Parse(string path)
    {
        var s = path.Trim('/').Split('/');
        if (s.Length is < 8 or > 10) return null;
        if (!Is(s[0], "subscriptions") || !Is(s[2], "resourceGroups") || !Is(s[4], "providers") || !Is(s[5], "Microsoft.OperationalInsights") || !Is(s[6], "workspaces"))
            return null;
        if (s.Any(string.IsNullOrWhiteSpace)) return null;
        var workspace = "/" + string.Join('/', s.Take(8));
        if (s.Length == 8) return (workspace, null, null);
        if (Is(s[8], "tables")) return (workspace, "tables", s.Length == 10 ? Uri.UnescapeDataString(s[9]) : null);
        if (Is(s[8], "savedSearches") && s.Length == 9) return (workspace, "savedSearches", null);
        return null;
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
