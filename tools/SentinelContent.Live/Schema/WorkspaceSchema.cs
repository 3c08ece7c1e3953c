using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Live.Schema;

/// <summary>A workspace's tables (built-in and custom _CL) and its functions (saved searches with a function alias).</summary>
public sealed record WorkspaceSchema(IReadOnlyList<TableSchema> Tables, IReadOnlyList<WorkspaceFunction> Functions)
{
    /// <summary>
    /// Reads them over ARM: GET {workspace}/tables (each table's schema.standardColumns and, for custom
    /// tables, schema.columns) and GET {workspace}/savedSearches (those with properties.functionAlias are
    /// functions; functionParameters is their parameter list), both at <see cref="ArmApiVersions.OperationalInsights"/>.
    /// </summary>
    public static async Task<WorkspaceSchema> PullAsync(ArmClient client, WorkspaceScope scope, IReadOnlyCollection<string>? onlyTables, CancellationToken cancellationToken)
    {
        var tables = new List<TableSchema>();
        foreach (var resource in await client.ListAsync(scope.WorkspacePath + "/tables", cancellationToken).ConfigureAwait(false))
        {
            var schema = resource.Properties["schema"] as JsonObject;
            var name = (schema?["name"] as JsonValue)?.GetValue<string>() ?? resource.Name;
            if (onlyTables is { Count: > 0 } && !onlyTables.Contains(name, StringComparer.OrdinalIgnoreCase)) continue;
            var columns = new List<ColumnSchema>();
            foreach (var column in Columns(schema?["standardColumns"]).Concat(Columns(schema?["columns"])))
            {
                if (columns.Exists(c => c.Name == column.Name)) continue;
                columns.Add(column);
            }
            var description = (schema?["description"] as JsonValue)?.GetValue<string>();
            tables.Add(new TableSchema(name, columns, description));
        }

        var functions = new List<WorkspaceFunction>();
        foreach (var search in await client.ListAsync(scope.WorkspacePath + "/savedSearches", cancellationToken).ConfigureAwait(false))
        {
            var p = search.Properties;
            if (Text(p, "functionAlias") is not { Length: > 0 } alias || Text(p, "query") is not { } body) continue;
            var parameters = Text(p, "functionParameters") ?? string.Empty;
            functions.Add(new WorkspaceFunction(alias, "(" + parameters.Trim().TrimStart('(').TrimEnd(')') + ")", body));
        }
        return new WorkspaceSchema(
            [.. tables.OrderBy(t => t.Name, StringComparer.Ordinal)],
            [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// The schema file: the JSON {"tables":[{name, description, columns:[{name,type}]}]} that --schema loads,
    /// plus "functions" in the workspace functions format ({"Name":{"parameters","body"}}).
    /// </summary>
    public string ToJson()
    {
        var tables = new JsonArray();
        foreach (var table in Tables)
        {
            var entry = new JsonObject { ["name"] = table.Name };
            if (!string.IsNullOrEmpty(table.Description)) entry["description"] = table.Description;
            entry["columns"] = new JsonArray([.. table.Columns.Select(c => new JsonObject { ["name"] = c.Name, ["type"] = c.Type.Name() })]);
            tables.Add(entry);
        }
        var functions = new JsonObject();
        foreach (var function in Functions) functions[function.Name] = new JsonObject { ["parameters"] = function.Parameters, ["body"] = function.Body };
        return new JsonObject { ["tables"] = tables, ["functions"] = functions }.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>Column types as ARM writes them (string, int, long, real, boolean, dateTime, guid, dynamic); an unknown one is kept as dynamic.</summary>
    private static IEnumerable<ColumnSchema> Columns(JsonNode? node)
    {
        foreach (var column in node as JsonArray ?? [])
        {
            if (column is not JsonObject c || Text(c, "name") is not { Length: > 0 } name) continue;
            yield return new ColumnSchema(name, ScalarTypes.TryParse(Text(c, "type") ?? string.Empty, out var type) ? type : ScalarType.Dynamic);
        }
    }

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
