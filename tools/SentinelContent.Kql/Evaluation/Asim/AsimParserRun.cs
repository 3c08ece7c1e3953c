using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Functions;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Asim;

/// <summary>
/// What an ASIM parser call returns locally: the rows given for its schema (a table named after the schema, e.g.
/// NetworkSession), laid out as the schema's columns, aliases filled from the fields they stand for, and filtered as
/// the call's parameters say (<see cref="AsimFilters"/>). Without rows for the schema the result is empty.
/// </summary>
internal static class AsimParserRun
{
    public static DataTable Run(AsimParser parser, IReadOnlyDictionary<string, object?> arguments, QueryContext context)
    {
        var schema = parser.Schema;
        var given = context.GivenTable(schema.SampleTableName);
        if (given is null || given.RowCount == 0 || IsTrue(arguments.GetValueOrDefault("disabled")))
            return Tables.Empty(schema.Table);
        var table = Normalised(schema, given);
        var rows = new List<int>();
        for (var row = 0; row < table.RowCount; row++)
        {
            if (parser.EventType is { } fixedType && !Text(table, "EventType", row).Equals(fixedType, StringComparison.OrdinalIgnoreCase))
                continue;
            if (arguments.All(a => Keeps(schema.Name, a.Key, a.Value, table, row))) rows.Add(row);
        }
        return rows.Count == table.RowCount ? table : table.Select(rows);
    }

    /// <summary>The given rows as the schema's table: its columns in order (missing ones empty), each alias filled where empty.</summary>
    private static DataTable Normalised(AsimSchema schema, DataTable given)
    {
        var columns = new List<Column>(schema.Table.Columns.Count);
        foreach (var column in schema.Table.Columns)
        {
            var source = given.Find(column.Name);
            var aliased = schema.Aliases.TryGetValue(column.Name, out var targets)
                ? targets.Select(given.Find).Where(c => c is not null).Select(c => c!).ToList()
                : [];
            if (source is not null && source.Type == column.Type && aliased.Count == 0)
            {
                columns.Add(source);
                continue;
            }
            var values = new object?[given.RowCount];
            for (var row = 0; row < given.RowCount; row++)
            {
                var value = source is null ? null : KqlValue.Get(source, row);
                foreach (var target in aliased)
                {
                    if (!KqlValue.IsEmpty(value)) break;
                    value = KqlValue.Get(target, row);
                }
                values[row] = value is JsonNode node ? node.DeepClone() : value;
            }
            columns.Add(ColumnFactory.FromValues(column.Type, values));
        }
        return new DataTable(schema.Table, columns);
    }

    private static bool Keeps(string schema, string parameter, object? value, DataTable table, int row)
    {
        if (AsimFilters.For(schema, parameter) is not { } rule) return true;
        var (match, columns) = rule;
        switch (match)
        {
            case AsimMatch.AtOrAfter or AsimMatch.AtOrBefore:
                if (KqlValue.ToDateTime(value) is not { } bound) return true;
                if (KqlValue.ToDateTime(KqlValue.Get(table.Find(columns[0])!, row)) is not { } time) return false;
                return match == AsimMatch.AtOrAfter ? time >= bound : time <= bound;
            case AsimMatch.Equals:
                var wanted = KqlValue.ToText(value);
                return wanted is "*" or "" || columns.Any(c => Text(table, c, row).Equals(wanted, StringComparison.OrdinalIgnoreCase));
            case AsimMatch.DnsEventType:
                var type = KqlValue.ToText(value);
                var expected = type is "" or "lookup" ? "Query" : type;
                return Text(table, columns[0], row).Equals(expected, StringComparison.OrdinalIgnoreCase);
            case AsimMatch.HasAddress:
                var address = KqlValue.ToText(value);
                return address is "*" or "" || columns.Any(c => Ipv4TextFunctions.HasAddress(Text(table, c, row), address));
            case AsimMatch.NumberEquals:
                return KqlValue.ToLong(value) is not { } number
                    || columns.Any(c => KqlValue.ToLong(KqlValue.Get(table.Find(c)!, row)) == number);
            case AsimMatch.HasAny or AsimMatch.HasAll or AsimMatch.InList or AsimMatch.IpPrefix:
                var list = List(value);
                if (list.Count == 0) return true;
                return columns.Any(c => Matches(match, Text(table, c, row), list));
            default:
                return true;
        }
    }

    private static bool Matches(AsimMatch match, string text, IReadOnlyList<string> list) => match switch
    {
        AsimMatch.HasAny => list.Any(term => StringMatching.Has(text, term)),
        AsimMatch.HasAll => list.All(term => StringMatching.Has(text, term)),
        AsimMatch.InList => list.Any(item => item.Equals(text, StringComparison.OrdinalIgnoreCase)),
        _ => Ipv4TextFunctions.HasAnyPrefix(text, list),
    };

    /// <summary>A list argument's elements as text; a scalar stands for a list of one.</summary>
    private static List<string> List(object? value) => KqlValue.Unwrap(value) switch
    {
        null => [],
        JsonArray array => [.. array.Select(e => KqlValue.ToText(KqlValue.Unwrap(e)))],
        var single => KqlValue.ToText(single) is { Length: > 0 } text ? [text] : [],
    };

    private static string Text(DataTable table, string column, int row) =>
        table.Find(column) is { } c ? KqlValue.ToText(KqlValue.Get(c, row)) : string.Empty;

    private static bool IsTrue(object? value) => KqlValue.ToBool(value) == true;
}
