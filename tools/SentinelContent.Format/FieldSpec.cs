namespace SentinelContent.Format;

/// <summary>The YAML shape a field must have.</summary>
public enum FieldType
{
    String,
    Integer,
    Boolean,
    /// <summary>A duration: ISO 8601 (PT5M, P1D) or Azure-Sentinel's short form (5m, 1d); see RuleDuration.</summary>
    Duration,
    Guid,
    /// <summary>Text from a closed list of values.</summary>
    Enum,
    StringList,
    /// <summary>A list whose items come from a closed list of values.</summary>
    EnumList,
    /// <summary>A mapping with the fields in <see cref="FieldSpec.Fields"/>.</summary>
    Object,
    /// <summary>A list of mappings, each with the fields in <see cref="FieldSpec.Fields"/>.</summary>
    ObjectList,
    /// <summary>A mapping from free keys to text values.</summary>
    StringMap,
    /// <summary>
    /// A list whose items are text or mappings of free keys to text: Azure-Sentinel's tags (`- Tarrask`, or
    /// `- Schema: ASimDns` with `SchemaVersion: 0.1.3` beside it).
    /// </summary>
    TagList,
    /// <summary>Any YAML value; a format-specific reader checks it (playbook actions, expressions, free JSON bodies).</summary>
    Any,
}

/// <summary>Which rule kinds require a field.</summary>
[Flags]
public enum RequiredFor
{
    None = 0,
    Scheduled = 1,
    Nrt = 2,
    All = Scheduled | Nrt,
}

/// <summary>
/// One field of a content format, as data: its type, its documentation and its limits. The loader,
/// the generic checks and the JSON Schema for editors all read these, so a limit is written once.
/// </summary>
public sealed record FieldSpec(string Name, FieldType Type, string Description)
{
    public IReadOnlyList<FieldSpec> Fields { get; init; } = [];

    /// <summary>The allowed values of an Enum or EnumList field, in their canonical spelling.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Other spellings Sentinel accepts for an enum value (gt for GreaterThan).</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; init; } = new Dictionary<string, string>();

    public RequiredFor Required { get; init; }

    public int? MinLength { get; init; }

    public int? MaxLength { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    /// <summary>Where the limit or rule comes from, for the documentation.</summary>
    public string? Source { get; init; }

    public FieldSpec? Find(string name)
    {
        foreach (var field in Fields)
        {
            if (field.Name == name) return field;
        }
        return null;
    }

    /// <summary>The canonical spelling of an enum value, following aliases; null when the value is not allowed.</summary>
    public string? Canonical(string value)
    {
        foreach (var allowed in Values)
        {
            if (allowed == value) return allowed;
        }
        return Aliases.TryGetValue(value, out var canonical) ? canonical : null;
    }
}
