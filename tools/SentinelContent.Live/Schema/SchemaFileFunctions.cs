using System.Text.Json;
using SentinelContent.Kql.Binding;

namespace SentinelContent.Live.Schema;

/// <summary>The "functions" of a schema file written by schema pull (other schema files have none).</summary>
public static class SchemaFileFunctions
{
    public static IReadOnlyList<WorkspaceFunction> Read(string path)
    {
        var text = File.ReadAllText(path);
        if (!text.TrimStart().StartsWith('{')) return [];
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("functions", out var functions) && functions.ValueKind == JsonValueKind.Object
            ? WorkspaceFunctionFile.Parse(functions.GetRawText())
            : [];
    }
}
