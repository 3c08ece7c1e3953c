using System.Globalization;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>A value written as a KQL literal, to pass constant arguments into a workspace function's own query.</summary>
internal static class LiteralText
{
    public static string Of(object? value) => value switch
    {
        null => "dynamic(null)",
        string s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => $"int({i.ToString(CultureInfo.InvariantCulture)})",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => $"real({ValueText.RealText(d)})",
        decimal m => $"decimal({m.ToString(CultureInfo.InvariantCulture)})",
        DateTime dt => $"datetime({ValueText.DateTimeText(dt)})",
        TimeSpan ts => $"timespan({ts.ToString("c", CultureInfo.InvariantCulture)})",
        Guid g => $"guid({g})",
        JsonNode node => $"dynamic({node.ToJsonString()})",
        _ => "'" + value + "'",
    };
}
