namespace SentinelContent.Kql.Schema;

/// <summary>KQL's scalar types. Names are the ones KQL itself prints (getschema, the query API).</summary>
public enum ScalarType
{
    Unknown,
    Bool,
    Int,
    Long,
    Real,
    Decimal,
    String,
    DateTime,
    TimeSpan,
    Guid,
    Dynamic,
}

public static class ScalarTypes
{
    private static readonly Dictionary<string, ScalarType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bool"] = ScalarType.Bool,
        ["boolean"] = ScalarType.Bool,
        ["int"] = ScalarType.Int,
        ["int32"] = ScalarType.Int,
        ["long"] = ScalarType.Long,
        ["int64"] = ScalarType.Long,
        ["bigint"] = ScalarType.Long,
        ["real"] = ScalarType.Real,
        ["double"] = ScalarType.Real,
        ["decimal"] = ScalarType.Decimal,
        ["string"] = ScalarType.String,
        ["datetime"] = ScalarType.DateTime,
        ["date"] = ScalarType.DateTime,
        ["timespan"] = ScalarType.TimeSpan,
        ["time"] = ScalarType.TimeSpan,
        ["guid"] = ScalarType.Guid,
        ["uniqueid"] = ScalarType.Guid,
        ["dynamic"] = ScalarType.Dynamic,
    };

    /// <summary>Reads a type name as KQL and Log Analytics exports write it (case-insensitive, with the documented aliases).</summary>
    public static bool TryParse(string name, out ScalarType type) => ByName.TryGetValue(name.Trim(), out type);

    /// <summary>The canonical KQL name (datetime, timespan, real...).</summary>
    public static string Name(this ScalarType type) => type switch
    {
        ScalarType.Bool => "bool",
        ScalarType.Int => "int",
        ScalarType.Long => "long",
        ScalarType.Real => "real",
        ScalarType.Decimal => "decimal",
        ScalarType.String => "string",
        ScalarType.DateTime => "datetime",
        ScalarType.TimeSpan => "timespan",
        ScalarType.Guid => "guid",
        ScalarType.Dynamic => "dynamic",
        _ => "unknown",
    };

    public static bool IsNumeric(this ScalarType type) => type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal;
}
