using SentinelContent.Core.Text;

namespace SentinelContent.Core.Yaml;

/// <summary>
/// A YAML node that remembers exactly where it was written. Content models are built from these,
/// so every value they hold can point a diagnostic at its own line and column.
/// </summary>
public abstract class YamlNode(SourceLocation location)
{
    public SourceLocation Location { get; } = location;

    /// <summary>What the node is, in the words a YAML author uses ("a mapping", "a list", "text").</summary>
    public abstract string KindName { get; }
}

public sealed class YamlSequence(SourceLocation location, IReadOnlyList<YamlNode> items) : YamlNode(location)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "a list";
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed class YamlMapping(SourceLocation location, IReadOnlyList<YamlEntry> entries) : YamlNode(location)
{
    public IReadOnlyList<YamlEntry> Entries { get; } = entries;

    public override string KindName => "a mapping";

    /// <summary>The entry for a key, compared exactly (YAML keys are case-sensitive).</summary>
    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Value == key) return entry;
        }
        return null;
    }

    public YamlNode? this[string key] => Find(key)?.Value;
}
