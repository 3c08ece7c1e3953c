using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>evaluate bag_unpack(column[, prefix]): one dynamic column per property found in any row's bag, the bag column removed.</summary>
public static class BagUnpacker
{
    public static DataTable Unpack(DataTable table, Column bags, string? bagColumn, string prefix)
    {
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var row = 0; row < table.RowCount; row++)
            if (KqlValue.Get(bags, row) is JsonObject bag)
                foreach (var (key, _) in bag)
                    if (seen.Add(key)) keys.Add(key);

        var columns = table.Named().Where(c => c.Name != bagColumn).ToList();
        foreach (var key in keys)
        {
            var values = new object?[table.RowCount];
            for (var row = 0; row < values.Length; row++)
                values[row] = KqlValue.Get(bags, row) is JsonObject bag && bag.TryGetPropertyValue(key, out var value) ? value : null;
            var name = prefix + key;
            columns.AddOrReplace(name, ColumnFactory.FromValues(ScalarType.Dynamic, values));
        }

        return Tables.From(columns, rowCount: table.RowCount);
    }
}
