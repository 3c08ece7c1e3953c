using System.Text.Json;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// Reads workspace functions from JSON in the official oracle's format:
/// {"Name": {"parameters": "(x:string)", "body": "{ ... }"}, ...}.
/// </summary>
public static class WorkspaceFunctionFile
{
    public static IReadOnlyList<WorkspaceFunction> Load(string path) => Parse(File.ReadAllText(path));

    public static IReadOnlyList<WorkspaceFunction> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException("A functions file must be a JSON object of {\"Name\": {\"parameters\", \"body\"}}.");
        var result = new List<WorkspaceFunction>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"Function '{property.Name}' needs a string \"body\".");
            var parameters = property.Value.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "()";
            result.Add(new WorkspaceFunction(property.Name, parameters, body.GetString()!));
        }

        return result;
    }
}
