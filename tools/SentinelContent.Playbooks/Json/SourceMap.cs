using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;

namespace SentinelContent.Playbooks.Json;

/// <summary>
/// Remembers which YAML node each compiled JSON node came from (by reference), so checks that run on the
/// compiled workflow definition can still report at the author's file, line and column.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<object, YamlNode> _origins = new(ReferenceEqualityComparer.Instance);

    public static SourceMap Empty { get; } = new();

    /// <summary>The file the playbook came from; locations fall back to it when a node has no origin.</summary>
    public string Path { get; init; } = string.Empty;

    public void Record(object node, YamlNode origin) => _origins[node] = origin;

    public YamlNode? OriginOf(object? node) => node is not null && _origins.TryGetValue(node, out var origin) ? origin : null;

    /// <summary>The location of a compiled node, or of the nearest fallback, or the file itself.</summary>
    public SourceLocation LocationOf(object? node, object? fallback = null) =>
        OriginOf(node)?.Location ?? OriginOf(fallback)?.Location ?? SourceLocation.FileOnly(Path);
}
