using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>The .NET type names getschema reports per KQL type.</summary>
public static class TypeNames
{
    public static string DotNet(ScalarType type) => type switch
    {
        ScalarType.Bool => "System.SByte",
        ScalarType.Int => "System.Int32",
        ScalarType.Long => "System.Int64",
        ScalarType.Real => "System.Double",
        ScalarType.Decimal => "System.Data.SqlTypes.SqlDecimal",
        ScalarType.DateTime => "System.DateTime",
        ScalarType.TimeSpan => "System.TimeSpan",
        ScalarType.Guid => "System.Guid",
        ScalarType.Dynamic => "System.Object",
        _ => "System.String",
    };
}
