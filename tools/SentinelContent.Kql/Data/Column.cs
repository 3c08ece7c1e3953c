using System.Collections;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data;

/// <summary>
/// One column of a table, stored as a typed array (no per-value boxing): the unit the evaluator works on.
/// KQL strings are never null (an empty string plays that part); every other type has a null bit per row.
/// </summary>
/// <remarks>
/// <see cref="Select"/> defers its copy: the new column remembers its source and the row numbers, and gathers the
/// values the first time they are read. A filter over a wide table (AuditLogs has 31 columns, SigninLogs 97) thus
/// costs only the columns later operators read, which is projection pushdown without a planner rule.
/// </remarks>
public abstract class Column(ScalarType type)
{
    public ScalarType Type { get; } = type;

    public abstract int Count { get; }

    public abstract bool IsNull(int row);

    /// <summary>The value boxed, for output and tests; hot paths use the typed subclasses.</summary>
    public abstract object? GetValue(int row);

    /// <summary>An estimate of the memory the column's values take (what `query --stats` reports per column).</summary>
    public virtual long SizeInBytes => 0;

    /// <summary>A column holding the given rows, in the given order (gathered when first read).</summary>
    public Column Select(IReadOnlyList<int> rows) => Select(RowIndexes.ToArray(rows), null);

    /// <summary>
    /// <see cref="Select(IReadOnlyList{int})"/> with row numbers the column may keep (never changed afterwards);
    /// <paramref name="composed"/> lets the columns of one table share the row numbers composed with an earlier selection.
    /// </summary>
    internal abstract Column Select(int[] rows, Dictionary<int[], int[]>? composed);
}

/// <summary>
/// The typed storage of a column: either its arrays, or a source and row numbers to gather them from on first
/// read. Two threads reading at once gather once: the second waits for the first.
/// </summary>
public abstract class StoredColumn<TStorage>(ScalarType type, int count) : Column(type) where TStorage : class
{
    private TStorage? _storage;
    private StoredColumn<TStorage>? _source;
    private int[]? _rows;

    protected StoredColumn(ScalarType type, int count, TStorage storage) : this(type, count) => _storage = storage;

    public sealed override int Count { get; } = count;

    /// <summary>The arrays, gathered now if this column was selected from another.</summary>
    protected TStorage Storage => Volatile.Read(ref _storage) ?? Gather();

    internal sealed override Column Select(int[] rows, Dictionary<int[], int[]>? composed)
    {
        // Selecting from a column that is itself deferred composes the row numbers, so the values are copied once.
        var source = Volatile.Read(ref _source);
        var earlier = Volatile.Read(ref _rows);
        if (Volatile.Read(ref _storage) is null && source is not null && earlier is not null)
        {
            composed ??= new(ReferenceEqualityComparer.Instance);
            if (!composed.TryGetValue(earlier, out var through))
            {
                through = new int[rows.Length];
                for (var i = 0; i < rows.Length; i++) through[i] = earlier[rows[i]];
                composed[earlier] = through;
            }

            return source.Deferred(through);
        }

        return Deferred(rows);
    }

    private StoredColumn<TStorage> Deferred(int[] rows)
    {
        var column = Empty(rows.Length);
        column._source = this;
        column._rows = rows;
        return column;
    }

    private TStorage Gather()
    {
        // The row numbers double as the lock of the one gathering; once gathered, the source is let go (an
        // intermediate million-row column must not live as long as a selection of ten rows from it).
        var rows = Volatile.Read(ref _rows);
        if (rows is null) return Volatile.Read(ref _storage)!;
        lock (rows)
        {
            if (Volatile.Read(ref _storage) is { } done) return done;
            var gathered = _source!.GatherRows(rows);
            Volatile.Write(ref _storage, gathered);
            Volatile.Write(ref _source, null);
            Volatile.Write(ref _rows, null);
            return gathered;
        }
    }

    /// <summary>A column of this type with <paramref name="count"/> rows and no storage yet.</summary>
    private protected abstract StoredColumn<TStorage> Empty(int count);

    /// <summary>This column's values at the given rows, as new storage.</summary>
    private protected abstract TStorage GatherRows(ReadOnlySpan<int> rows);
}

/// <summary>A column of a value type (bool, int, long, real, decimal, datetime, timespan, guid) with a null bitmap.</summary>
public sealed class ValueColumn<T> : StoredColumn<ValueColumn<T>.Arrays> where T : struct
{
    public ValueColumn(ScalarType type, T[] values, BitArray nulls) : base(type, values.Length, new Arrays(values, nulls))
    {
        if (nulls.Length != values.Length) throw new ArgumentException("one null bit per value is needed", nameof(nulls));
    }

    private ValueColumn(ScalarType type, int count) : base(type, count) { }

    public T[] Values => Storage.Values;

    public BitArray Nulls => Storage.Nulls;

    public override bool IsNull(int row) => Nulls[row];

    public override object? GetValue(int row)
    {
        var storage = Storage;
        return storage.Nulls[row] ? null : storage.Values[row];
    }

    public override long SizeInBytes => (long)Count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + Count / 8;

    private protected override StoredColumn<Arrays> Empty(int count) => new ValueColumn<T>(Type, count);

    private protected override Arrays GatherRows(ReadOnlySpan<int> rows)
    {
        return new Arrays(RowIndexes.Gather(Values, rows), GatherNulls(Nulls, rows));
    }

    // Most columns have no nulls at all, or (a column a source never fills) nothing else: both copy in one step.
    private static BitArray GatherNulls(BitArray source, ReadOnlySpan<int> rows)
    {
        if (!source.HasAnySet()) return new BitArray(rows.Length);
        if (source.HasAllSet()) return new BitArray(rows.Length, true);
        var nulls = new BitArray(rows.Length);
        for (var i = 0; i < rows.Length; i++)
            if (source[rows[i]]) nulls[i] = true;
        return nulls;
    }

    public sealed record Arrays(T[] Values, BitArray Nulls);
}

/// <summary>
/// Strings, stored plainly or dictionary-encoded: a code per row into a table of distinct values, which is how a
/// loader keeps repetitive columns (OperationName, Category, Result) at four bytes a row. <see cref="Values"/> reads
/// either as a string array (an encoded column makes it on first read, sharing the dictionary's strings); code that
/// wants the codes asks <see cref="TryGetCodes"/>.
/// </summary>
public sealed class StringColumn : StoredColumn<StringColumn.Strings>
{
    public StringColumn(string[] values) : base(ScalarType.String, values.Length, new Strings(values)) { }

    /// <summary>A dictionary-encoded column: row i holds <c>dictionary[codes[i]]</c>.</summary>
    public StringColumn(int[] codes, string[] dictionary) : base(ScalarType.String, codes.Length, new Strings(codes, dictionary)) { }

    private StringColumn(int count) : base(ScalarType.String, count) { }

    public string[] Values => Storage.Plain;

    /// <summary>One value, without making the whole array of an encoded column.</summary>
    public string this[int row] => Storage.Get(row);

    /// <summary>The codes and the dictionary of an encoded column (a fast path: compare or group the codes).</summary>
    public bool TryGetCodes(out int[] codes, out string[] dictionary)
    {
        var storage = Storage;
        codes = storage.Codes!;
        dictionary = storage.Dictionary!;
        return storage.Codes is not null;
    }

    public override bool IsNull(int row) => false;

    public override object? GetValue(int row) => Storage.Get(row);

    public override long SizeInBytes => Storage.SizeInBytes;

    private protected override StoredColumn<Strings> Empty(int count) => new StringColumn(count);

    private protected override Strings GatherRows(ReadOnlySpan<int> rows)
    {
        var storage = Storage;
        return storage.Codes is { } codes ? new Strings(RowIndexes.Gather(codes, rows), storage.Dictionary!) : new Strings(RowIndexes.Gather(storage.Plain, rows));
    }

    /// <summary>Plain strings, or codes into a dictionary (with the plain array made on first read).</summary>
    public sealed class Strings
    {
        private string[]? _plain;

        internal Strings(string[] plain) => _plain = plain;

        internal Strings(int[] codes, string[] dictionary)
        {
            Codes = codes;
            Dictionary = dictionary;
        }

        internal int[]? Codes { get; }

        internal string[]? Dictionary { get; }

        internal string[] Plain => Volatile.Read(ref _plain) ?? Decode();

        internal string Get(int row) => Volatile.Read(ref _plain) is { } plain ? plain[row] : Dictionary![Codes![row]];

        internal long SizeInBytes
        {
            get
            {
                if (Codes is null) return ColumnSizes.OfStrings(_plain!, distinctOnly: false);
                var size = 4L * Codes.Length + ColumnSizes.OfStrings(Dictionary!, distinctOnly: false);
                return Volatile.Read(ref _plain) is null ? size : size + 8L * Codes.Length;
            }
        }

        private string[] Decode()
        {
            // Two threads may decode at once; both arrays are equal and one wins.
            var codes = Codes!;
            var dictionary = Dictionary!;
            var plain = new string[codes.Length];
            for (var i = 0; i < plain.Length; i++) plain[i] = dictionary[codes[i]];
            return Interlocked.CompareExchange(ref _plain, plain, null) ?? plain;
        }
    }
}

/// <summary>
/// dynamic values (JSON: objects, arrays and scalars); a null entry is KQL's null. A loader stores them compactly,
/// as their UTF-8 JSON text (<see cref="CompactJson"/>), parsed row by row when read: <see cref="Values"/> parses
/// every row on first read, while property and index access (<see cref="CompactJson.Property"/>) and tostring work
/// on the text directly (<see cref="TryGetCompact"/>).
/// </summary>
public sealed class DynamicColumn : StoredColumn<DynamicColumn.Dynamics>
{
    public DynamicColumn(JsonNode?[] values) : base(ScalarType.Dynamic, values.Length, new Dynamics(values)) { }

    public DynamicColumn(CompactJson values) : base(ScalarType.Dynamic, values.Count, new Dynamics(values)) { }

    private DynamicColumn(int count) : base(ScalarType.Dynamic, count) { }

    public JsonNode?[] Values => Storage.Nodes;

    /// <summary>The JSON text of a compact column (a fast path: navigate or print without parsing every row).</summary>
    public bool TryGetCompact([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CompactJson? compact)
    {
        compact = Storage.Compact;
        return compact is not null;
    }

    public override bool IsNull(int row) => Storage.IsNull(row);

    public override object? GetValue(int row) => Storage.Get(row);

    public override long SizeInBytes => Storage.SizeInBytes;

    private protected override StoredColumn<Dynamics> Empty(int count) => new DynamicColumn(count);

    private protected override Dynamics GatherRows(ReadOnlySpan<int> rows)
    {
        var storage = Storage;
        return storage.Compact is { } compact ? new Dynamics(compact.Gather(rows)) : new Dynamics(RowIndexes.Gather(storage.Nodes, rows));
    }

    /// <summary>Parsed nodes, or compact JSON text (with the nodes parsed on first read of <see cref="Values"/>).</summary>
    public sealed class Dynamics
    {
        private JsonNode?[]? _nodes;

        internal Dynamics(JsonNode?[] nodes) => _nodes = nodes;

        internal Dynamics(CompactJson compact) => Compact = compact;

        internal CompactJson? Compact { get; }

        internal JsonNode?[] Nodes => Volatile.Read(ref _nodes) ?? ParseAll();

        internal bool IsNull(int row) => Volatile.Read(ref _nodes) is { } nodes ? nodes[row] is null : Compact!.IsNull(row);

        // A single read of a compact value parses that row alone (a fresh node, so concurrent readers never share
        // a half-built one); the whole array is made only when Values is read.
        internal JsonNode? Get(int row) => Volatile.Read(ref _nodes) is { } nodes ? nodes[row] : Compact!.Parse(row);

        internal long SizeInBytes
        {
            get
            {
                if (Compact is null) return 8L * _nodes!.Length + ColumnSizes.OfNodes(_nodes);
                return Volatile.Read(ref _nodes) is { } nodes ? Compact.SizeInBytes + 8L * nodes.Length + ColumnSizes.OfNodes(nodes) : Compact.SizeInBytes;
            }
        }

        private JsonNode?[] ParseAll()
        {
            var compact = Compact!;
            var nodes = new JsonNode?[compact.Count];
            for (var i = 0; i < nodes.Length; i++) nodes[i] = compact.Parse(i);
            return Interlocked.CompareExchange(ref _nodes, nodes, null) ?? nodes;
        }
    }
}

/// <summary>Row numbers as a span (no copy for the arrays and lists operators build) and gathering by them.</summary>
internal static class RowIndexes
{
    public static ReadOnlySpan<int> AsSpan(IReadOnlyList<int> rows) => rows switch
    {
        int[] array => array,
        List<int> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        _ => rows.ToArray(),
    };

    /// <summary>A private copy: a deferred column keeps its row numbers, and the caller may reuse its list.</summary>
    public static int[] ToArray(IReadOnlyList<int> rows) => AsSpan(rows).ToArray();

    public static T[] Gather<T>(T[] source, ReadOnlySpan<int> rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = source[rows[i]];
        return result;
    }

    public static T[] Gather<T>(T[] source, IReadOnlyList<int> rows) => Gather(source, AsSpan(rows));
}
