using System.Text.Json;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Catalog;

/// <summary>
/// Every built-in function, aggregate and plugin the official binder knows, as data
/// (Functions/Data/kql-functions.json; provenance in docs/function-catalog.md). The binder asks this
/// catalog for signatures, parameter type classes, return-type rules and result names, so no switch
/// over function names lives anywhere else.
/// </summary>
public sealed class FunctionCatalog
{
    private const string ResourceName = "kql-functions.json";

    private readonly Dictionary<string, FunctionInfo[]> _functions;
    private readonly Dictionary<string, ScalarType[]> _typeClasses;
    private readonly Dictionary<ScalarType, ScalarType[]> _implicitConversions;

    private FunctionCatalog(Dictionary<string, FunctionInfo[]> functions, Dictionary<string, ScalarType[]> typeClasses, Dictionary<ScalarType, ScalarType[]> implicitConversions)
    {
        _functions = functions;
        _typeClasses = typeClasses;
        _implicitConversions = implicitConversions;
    }

    public static FunctionCatalog Default { get; } = LoadEmbedded();

    public IEnumerable<FunctionInfo> Functions => _functions.Values.SelectMany(f => f).Distinct();

    public IEnumerable<string> Names => _functions.Keys;

    /// <summary>
    /// Function names are case-sensitive in KQL; aliases resolve to their function. A few names are
    /// both an aggregate and a scalar function (hll_merge, merge_tdigest): the context picks one.
    /// Entries that only bind in a special context (graph-match's any/all) come last.
    /// </summary>
    public FunctionInfo? Find(string name, bool aggregateContext = false)
    {
        if (!_functions.TryGetValue(name, out var candidates)) return null;
        return candidates.FirstOrDefault(f => (f.Kind == FunctionKind.Aggregate) == aggregateContext && f.Context is null)
            ?? candidates.FirstOrDefault(f => f.Context is null)
            ?? candidates[0];
    }

    /// <summary>True when an argument of <paramref name="argument"/> type may be passed for a parameter of <paramref name="parameterType"/>.</summary>
    public bool Accepts(string parameterType, ScalarType argument)
    {
        if (argument == ScalarType.Unknown) return true;
        if (_typeClasses.TryGetValue(parameterType, out var accepted)) return accepted.Contains(argument);
        if (!ScalarTypes.TryParse(parameterType, out var declared)) return true; // tabular, type_literal: checked by shape, not type
        if (declared == argument) return true;
        return _implicitConversions.TryGetValue(declared, out var from) && from.Contains(argument);
    }

    public static FunctionCatalog Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var typeClasses = new Dictionary<string, ScalarType[]>(StringComparer.Ordinal);
        foreach (var property in root.GetProperty("typeClasses").EnumerateObject())
        {
            if (!property.Value.TryGetProperty("accepts", out var accepts)) continue;
            typeClasses[property.Name] = accepts.EnumerateArray().Select(t => ParseType(t.GetString())).ToArray();
        }

        var conversions = new Dictionary<ScalarType, ScalarType[]>();
        if (root.TryGetProperty("implicitConversions", out var implicitConversions))
        {
            foreach (var property in implicitConversions.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array || !ScalarTypes.TryParse(property.Name, out var target)) continue;
                conversions[target] = property.Value.EnumerateArray().Select(t => ParseType(t.GetString())).ToArray();
            }
        }

        var byName = new Dictionary<string, List<FunctionInfo>>(StringComparer.Ordinal);
        foreach (var element in root.GetProperty("functions").EnumerateArray())
        {
            var info = FunctionInfo.Read(element);
            foreach (var name in info.Aliases.Prepend(info.Name))
            {
                if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
                if (!list.Contains(info)) list.Add(info);
            }
        }

        var functions = byName.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

        return new FunctionCatalog(functions, typeClasses, conversions);
    }

    internal static ScalarType ParseType(string? name) =>
        name is not null && ScalarTypes.TryParse(name, out var type) ? type : ScalarType.Unknown;

    private static FunctionCatalog LoadEmbedded()
    {
        var assembly = typeof(FunctionCatalog).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("." + ResourceName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("The built-in function catalog resource is missing.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return Load(stream);
    }
}
