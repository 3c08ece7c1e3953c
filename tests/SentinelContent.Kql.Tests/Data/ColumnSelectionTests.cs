using System.Collections;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Data;

/// <summary>
/// Selecting rows defers the copy until a column is read; these pin down that the deferred columns hold exactly
/// the rows asked for, whether read once, read after a second selection, or never read.
/// </summary>
public sealed class ColumnSelectionTests
{
    private static ValueColumn<long> Longs(params long?[] values)
    {
        var nulls = new BitArray(values.Length);
        for (var i = 0; i < values.Length; i++) nulls[i] = values[i] is null;
        return new ValueColumn<long>(ScalarType.Long, [.. values.Select(v => v ?? 0)], nulls);
    }

    private static object?[] Read(Column column) => [.. Enumerable.Range(0, column.Count).Select(column.GetValue)];

    [Fact]
    public void A_selection_holds_the_rows_in_the_order_asked_with_their_nulls()
    {
        var column = Longs(10, null, 30, 40);

        var selected = column.Select([3, 1, 1, 0]);

        Assert.Equal(4, selected.Count);
        Assert.Equal([40L, null, null, 10L], Read(selected));
        Assert.Equal([false, true, true, false], Enumerable.Range(0, 4).Select(selected.IsNull));
    }

    [Fact]
    public void A_selection_of_a_selection_reads_through_to_the_original_rows()
    {
        var strings = new StringColumn(["a", "b", "c", "d", "e"]);

        var first = strings.Select([4, 2, 0]);
        var second = first.Select([2, 0]);

        Assert.Equal(["a", "e"], ((StringColumn)second).Values);
        // Reading the outer selection first does not change what the inner one gathers.
        Assert.Equal(["e", "c", "a"], ((StringColumn)first).Values);
    }

    [Fact]
    public void Changing_the_row_list_after_selecting_does_not_change_the_selection()
    {
        var column = new DynamicColumn([JsonValue.Create(1), null, JsonValue.Create(3)]);
        var rows = new List<int> { 2, 0 };

        var selected = (DynamicColumn)column.Select(rows);
        rows[0] = 1;

        Assert.Equal(3, selected.Values[0]!.GetValue<int>());
        Assert.Equal(1, selected.Values[1]!.GetValue<int>());
    }

    [Fact]
    public void Every_column_of_a_selected_table_holds_the_same_rows()
    {
        var schema = new TableSchema("T", [new ColumnSchema("N", ScalarType.Long), new ColumnSchema("S", ScalarType.String)]);
        var table = new DataTable(schema, [Longs(1, 2, 3, 4), new StringColumn(["w", "x", "y", "z"])]);

        var twice = table.Select([3, 2, 0]).Select([0, 2]);

        Assert.Equal(2, twice.RowCount);
        Assert.Equal([4L, 1L], Read(twice.Columns[0]));
        Assert.Equal(["z", "w"], Read(twice.Columns[1]));
    }

    [Fact]
    public void Once_read_a_selection_lets_its_source_go()
    {
        var (selection, source) = SelectFromAColumnNobodyElseHolds();

        Assert.Equal(["v999"], ((StringColumn)selection).Values);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(source.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (Column Selection, WeakReference Source) SelectFromAColumnNobodyElseHolds()
    {
        var source = new StringColumn([.. Enumerable.Range(0, 1000).Select(i => "v" + i)]);
        return (source.Select([999]), new WeakReference(source));
    }

    [Fact]
    public void A_null_bitmap_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ValueColumn<long>(ScalarType.Long, [1, 2], new BitArray(3)));
    }
}
