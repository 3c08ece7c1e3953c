using System.Text.Json;

namespace SentinelContent.Kql.Catalog;

public enum FunctionKind
{
    Scalar,
    Window,
    Aggregate,
    Tabular,
    Plugin,
}

/// <summary>One catalog entry: a function, aggregate or plugin with its signatures (tried in order).</summary>
public sealed class FunctionInfo
{
    public required string Name { get; init; }

    public required FunctionKind Kind { get; init; }

    public required IReadOnlyList<SignatureInfo> Signatures { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>A special context the function only binds in (graph-match's any/all), or null.</summary>
    public string? Context { get; init; }

    /// <summary>The column name template of an unnamed call (see the catalog's resultNameRules), if any.</summary>
    public string? ResultName { get; init; }

    /// <summary>Why the local evaluator cannot compute this function offline (the catalog's "offline" field), or null.</summary>
    public string? Offline { get; init; }

    /// <summary>A plugin's result schema rule (kind input, fixed, inputPlus, ...), kept as data.</summary>
    public JsonElement? ResultSchema { get; init; }

    public int MinArguments => Signatures.Min(s => s.MinArguments);

    public int MaxArguments => Signatures.Max(s => s.MaxArguments);

    internal static FunctionInfo Read(JsonElement element)
    {
        var kind = element.GetProperty("kind").GetString() switch
        {
            "aggregate" => FunctionKind.Aggregate,
            "window" => FunctionKind.Window,
            "tabular" => FunctionKind.Tabular,
            "plugin" => FunctionKind.Plugin,
            _ => FunctionKind.Scalar,
        };
        return new FunctionInfo
        {
            Name = element.GetProperty("name").GetString()!,
            Kind = kind,
            Signatures = element.GetProperty("signatures").EnumerateArray().Select(SignatureInfo.Read).ToArray(),
            Aliases = element.TryGetProperty("aliases", out var aliases) ? aliases.EnumerateArray().Select(a => a.GetString()!).ToArray() : [],
            Context = element.TryGetProperty("context", out var context) ? context.GetString() : null,
            ResultName = element.TryGetProperty("resultName", out var resultName) ? resultName.GetString() : null,
            ResultSchema = element.TryGetProperty("resultSchema", out var schema) ? schema.Clone() : null,
            Offline = element.TryGetProperty("offline", out var offline) ? offline.GetString() : null,
        };
    }
}

/// <summary>One signature: parameters and the return rule (a type name or a rule object, see returnRules).</summary>
public sealed class SignatureInfo
{
    public required IReadOnlyList<ParameterInfo> Parameters { get; init; }

    public required JsonElement Returns { get; init; }

    /// <summary>"blockRepeating": the repeating parameters repeat together as a group (case, bag_pack).</summary>
    public string? Layout { get; init; }

    public int MinArguments => Parameters.Sum(p => p.MinOccurs);

    public int MaxArguments => (int)Math.Min(int.MaxValue, Parameters.Sum(p => (long)p.MaxOccurs));

    internal static SignatureInfo Read(JsonElement element) => new()
    {
        Parameters = element.GetProperty("parameters").EnumerateArray().Select(ParameterInfo.Read).ToArray(),
        Returns = element.GetProperty("returns").Clone(),
        Layout = element.TryGetProperty("layout", out var layout) ? layout.GetString() : null,
    };
}

public sealed class ParameterInfo
{
    public required string Name { get; init; }

    /// <summary>Accepted types: each a type name or a type class from the catalog's typeClasses.</summary>
    public required IReadOnlyList<string> Types { get; init; }

    public bool Optional { get; init; }

    public int RepeatMin { get; init; } = 1;

    public int RepeatMax { get; init; } = 1;

    /// <summary>"true" when the argument must be an input column; "ofParam0"/"commonWithParam0" when it names a column of the table given as parameter 0.</summary>
    public string? Column { get; init; }

    /// <summary>'allowed' or 'only' when `*` may stand for the argument.</summary>
    public string? Star { get; init; }

    public bool IsRepeating => RepeatMax > 1 || RepeatMin != 1;

    public int MinOccurs => Optional ? 0 : RepeatMin;

    public int MaxOccurs => RepeatMax;

    public bool IsTabular => Types.Contains("tabular");

    public bool IsTypeLiteral => Types.Contains("type_literal");

    internal static ParameterInfo Read(JsonElement element)
    {
        var type = element.GetProperty("type");
        var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
        int min = 1, max = 1;
        if (element.TryGetProperty("repeat", out var repeat))
        {
            min = repeat[0].GetInt32();
            max = repeat[1].GetInt32();
        }

        return new ParameterInfo
        {
            Name = element.GetProperty("name").GetString()!,
            Types = types,
            Optional = element.TryGetProperty("optional", out var optional) && optional.GetBoolean(),
            RepeatMin = min,
            RepeatMax = max,
            Star = element.TryGetProperty("star", out var star) ? star.GetString() : null,
            Column = element.TryGetProperty("column", out var column) ? (column.ValueKind == JsonValueKind.String ? column.GetString() : column.ToString().ToLowerInvariant()) : null,
        };
    }
}
