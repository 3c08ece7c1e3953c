using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>One column mv-expand expands: its output name, its values, and the type its elements are cast to.</summary>
public sealed record ExpandedColumn(string Name, Column Values, ScalarType Type);

/// <summary>
/// mv-expand, as the reference documents: arrays and bags expand in parallel (missing elements are null); a null
/// value gives one row with null; an empty array or bag gives no row; a bag expands to one single-property bag per
/// property (kind=bag) or a [key, value] array (kind=array). Elements are cast to the `to typeof()` type, not converted.
/// </summary>
public static class MvExpander
{
    public static DataTable Expand(DataTable table, IReadOnlyList<ExpandedColumn> expanded, bool bagsAsArrays, string? indexColumn, long limit, Action<long> checkRows)
    {
        var sourceRows = new List<int>();
        var elementValues = expanded.Select(_ => new List<object?>()).ToArray();
        var indexes = new List<object?>();
        for (var row = 0; row < table.RowCount; row++)
        {
            var lists = expanded.Select(e => Elements(KqlValue.Get(e.Values, row), bagsAsArrays)).ToArray();
            var count = lists.Max(l => l.Count);
            count = (int)Math.Min(count, limit);
            for (var i = 0; i < count; i++)
            {
                sourceRows.Add(row);
                indexes.Add((long)i);
                for (var c = 0; c < expanded.Count; c++) elementValues[c].Add(i < lists[c].Count ? lists[c][i] : null);
            }

            checkRows(sourceRows.Count);
        }

        var columns = table.Named().Select(c => (c.Name, c.Column.Select(sourceRows))).ToList();
        for (var c = 0; c < expanded.Count; c++)
        {
            var values = elementValues[c].Select(v => Cast(v, expanded[c].Type)).ToArray();
            var column = ColumnFactory.FromValues(expanded[c].Type, values);
            columns.AddOrReplace(expanded[c].Name, column);
        }

        if (indexColumn is not null) columns.Add((indexColumn, ColumnFactory.FromValues(ScalarType.Long, indexes)));
        return Tables.From(columns, rowCount: sourceRows.Count);
    }

    private static List<object?> Elements(object? value, bool bagsAsArrays) => value switch
    {
        JsonArray array => [.. array],
        JsonObject bag => [.. bag.Select(p => bagsAsArrays
            ? (object?)new JsonArray(JsonValue.Create(p.Key), p.Value?.DeepClone())
            : new JsonObject { [p.Key] = p.Value?.DeepClone() })],
        null => [null],
        _ => [value],
    };

    /// <summary>to typeof(T) casts: an element already of the type (a JSON string for string, a number for long...) keeps its value, others become null.</summary>
    private static object? Cast(object? element, ScalarType type)
    {
        if (type == ScalarType.Dynamic) return element;
        var value = KqlValue.Unwrap(element);
        return type switch
        {
            ScalarType.String => value is string ? value : null,
            ScalarType.Long or ScalarType.Int => value is long or int ? value : null,
            ScalarType.Real => value is double or long or int ? KqlValue.ToReal(value) : null,
            ScalarType.Bool => value is bool ? value : null,
            ScalarType.DateTime => KqlValue.ToDateTime(value),
            ScalarType.TimeSpan => KqlValue.ToTimeSpan(value),
            ScalarType.Guid => KqlValue.ToGuid(value),
            _ => value,
        };
    }
}
