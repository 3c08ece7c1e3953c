using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Operators;

/// <summary>
/// join and lookup with a hash table on the right side's keys. The default kind, innerunique, first keeps one
/// left row per key (the first), as the reference documents. Null keys never match.
/// </summary>
public static class Joiner
{
    public static DataTable Join(DataTable left, DataTable right, IReadOnlyList<string> leftKeys, IReadOnlyList<string> rightKeys, JoinKind kind, Action<long> checkRows, bool lookup = false)
    {
        var leftKeyColumns = leftKeys.Select(k => KeyColumn(left, k, "left")).ToArray();
        var rightKeyColumns = rightKeys.Select(k => KeyColumn(right, k, "right")).ToArray();

        // One encoder for both sides, so equal keys get equal codes. The right side is encoded first, so its codes
        // are dense (0 to its distinct keys); the left side only looks its keys up. A null key (code -1) and a
        // key the right side lacks never match.
        var encoder = new KeyEncoder();
        var rightCodes = encoder.EncodeRows(rightKeyColumns, right.RowCount);
        var leftCodes = encoder.EncodeRows(leftKeyColumns, left.RowCount, addNew: false);
        // The right side's hash table, flat: its rows side by side by key code.
        var distinctRightKeys = rightCodes.Length == 0 ? 0 : Math.Max(0, rightCodes.Max() + 1);
        var (offsets, rightRowsByCode) = Grouping.RowsByCode(rightCodes, distinctRightKeys);

        // innerunique keeps one left row per key (the first) before matching.
        var firstOfKey = kind == JoinKind.InnerUnique ? new bool[distinctRightKeys] : null;
        var pairsLeft = new List<int>();
        var pairsRight = new List<int>();
        var rightMatched = new bool[right.RowCount];
        for (var l = 0; l < left.RowCount; l++)
        {
            var code = leftCodes[l];
            var matched = code >= 0;
            if (matched && firstOfKey is not null)
            {
                if (firstOfKey[code]) continue;
                firstOfKey[code] = true;
            }

            switch (kind)
            {
                case JoinKind.LeftSemi:
                    if (matched) pairsLeft.Add(l);
                    continue;
                case JoinKind.LeftAnti:
                    if (!matched) pairsLeft.Add(l);
                    continue;
            }

            if (!matched)
            {
                if (kind is JoinKind.LeftOuter or JoinKind.FullOuter) { pairsLeft.Add(l); pairsRight.Add(-1); }
                continue;
            }

            for (var m = offsets[code]; m < offsets[code + 1]; m++)
            {
                var r = rightRowsByCode[m];
                rightMatched[r] = true;
                if (kind is JoinKind.RightSemi or JoinKind.RightAnti) continue;
                pairsLeft.Add(l);
                pairsRight.Add(r);
            }

            checkRows(pairsLeft.Count);
        }

        switch (kind)
        {
            case JoinKind.LeftSemi or JoinKind.LeftAnti:
                return left.Select(pairsLeft);
            case JoinKind.RightSemi:
                return right.Select(Enumerable.Range(0, right.RowCount).Where(r => rightMatched[r]).ToArray());
            case JoinKind.RightAnti:
                return right.Select(Enumerable.Range(0, right.RowCount).Where(r => !rightMatched[r]).ToArray());
            case JoinKind.RightOuter or JoinKind.FullOuter:
                for (var r = 0; r < right.RowCount; r++)
                    if (!rightMatched[r]) { pairsLeft.Add(-1); pairsRight.Add(r); }
                if (kind == JoinKind.RightOuter)
                {
                    // rightouter keeps matched pairs and unmatched right rows, not unmatched left rows.
                    var keep = Enumerable.Range(0, pairsLeft.Count).Where(i => pairsRight[i] >= 0).ToArray();
                    pairsLeft = keep.Select(i => pairsLeft[i]).ToList();
                    pairsRight = keep.Select(i => pairsRight[i]).ToList();
                }

                break;
        }

        return Combine(left, right, pairsLeft, pairsRight, lookup ? rightKeys.ToHashSet(StringComparer.Ordinal) : null);
    }

    /// <summary>A key column; a side without rows may lack it (an open schema with no data), then nothing matches.</summary>
    private static Column KeyColumn(DataTable table, string name, string side) =>
        table.Find(name) ?? (table.RowCount == 0 ? ColumnFactory.Empty(Schema.ScalarType.Dynamic) : throw new KqlRuntimeException($"the {side} side of the join has no column '{name}'"));

    /// <summary>Left columns then right columns; a right name already used gets a number (Key → Key1). Lookup drops the right keys.</summary>
    private static DataTable Combine(DataTable left, DataTable right, List<int> leftRows, List<int> rightRows, HashSet<string>? dropRight)
    {
        var columns = new List<(string, Column)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, column) in left.Named())
        {
            columns.Add((name, Pick(column, leftRows)));
            names.Add(name);
        }

        foreach (var (name, column) in right.Named())
        {
            if (dropRight?.Contains(name) == true) continue;
            var unique = name;
            for (var i = 1; names.Contains(unique); i++) unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            names.Add(unique);
            columns.Add((unique, Pick(column, rightRows)));
        }

        return Tables.From(columns, rowCount: leftRows.Count);
    }

    /// <summary>The column's values at the given rows; -1 gives null (the missing side of an outer join).</summary>
    private static Column Pick(Column column, List<int> rows)
    {
        if (!rows.Contains(-1)) return column.Select(rows);
        var values = rows.Select(r => r < 0 ? null : KqlValue.Get(column, r)).ToArray();
        return ColumnFactory.FromValues(column.Type, values);
    }
}

/// <summary>A failure of an operator on its data, turned into a located diagnostic by the planner.</summary>
public sealed class KqlRuntimeException(string message) : Exception(message);
