using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SentinelContent.Kql.Data;

/// <summary>
/// The dynamic values of a column as their UTF-8 JSON text: byte segments (one per loaded chunk of a file) and a
/// slice of a segment per row, an empty slice being null. A value is parsed only when it is read; selecting rows
/// and reading a property or an element (<c>TargetResources[0].userPrincipalName</c>) make new slices of the same
/// bytes, so a query that reads one field of a large bag never builds the bag.
/// </summary>
/// <remarks>
/// The text is what the file held, so a value parsed from it is the value the file meant: JSON null is stored as
/// null (KQL's null), as parsing a whole row would give. Text is never changed after it is built.
/// </remarks>
public sealed class CompactJson
{
    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    private readonly byte[][] _segments;
    private readonly Slice[] _slices;

    private CompactJson(byte[][] segments, Slice[] slices)
    {
        _segments = segments;
        _slices = slices;
    }

    public int Count => _slices.Length;

    public bool IsNull(int row) => _slices[row].Length == 0;

    /// <summary>The JSON text of a row (empty for null).</summary>
    public ReadOnlySpan<byte> Utf8(int row)
    {
        var slice = _slices[row];
        return slice.Length == 0 ? [] : _segments[slice.Segment].AsSpan(slice.Start, slice.Length);
    }

    /// <summary>The row's value as a new node (null for null).</summary>
    public JsonNode? Parse(int row)
    {
        var text = Utf8(row);
        return text.IsEmpty ? null : JsonNode.Parse(text, documentOptions: DocumentOptions);
    }

    /// <summary>
    /// The row as tostring() writes it: null is empty, a string is its text, a number or boolean its JSON text, an
    /// object or array compact JSON (written from the parsed value, so escaping is exactly the serializer's).
    /// </summary>
    public string Text(int row)
    {
        var text = Utf8(row);
        if (text.IsEmpty) return string.Empty;
        switch (text[0])
        {
            case (byte)'"':
                var reader = new Utf8JsonReader(text, ReaderOptions);
                reader.Read();
                return reader.GetString()!;
            case (byte)'{' or (byte)'[':
                return JsonNode.Parse(text, documentOptions: DocumentOptions)!.ToJsonString();
            default:
                return Encoding.UTF8.GetString(text);
        }
    }

    /// <summary>The values at the given rows (same bytes, new slices).</summary>
    public CompactJson Gather(ReadOnlySpan<int> rows) => new(_segments, RowIndexes.Gather(_slices, rows));

    /// <summary>Each row's property <paramref name="name"/> (null where the row is not an object or lacks it), as bag.name reads it.</summary>
    public CompactJson Property(string name)
    {
        var result = new Slice[_slices.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var slice = _slices[i];
            if (slice.Length == 0) continue;
            var text = _segments[slice.Segment].AsSpan(slice.Start, slice.Length);
            if (text[0] == (byte)'{' && FindProperty(text, name) is var (start, length)) result[i] = new Slice(slice.Segment, slice.Start + start, length);
        }
        return new CompactJson(_segments, result);
    }

    /// <summary>Each row's array element <paramref name="index"/> (negative counts from the end; null out of range or for a non-array).</summary>
    public CompactJson Element(long index)
    {
        var result = new Slice[_slices.Length];
        var starts = new List<(int Start, int Length)>();
        for (var i = 0; i < result.Length; i++)
        {
            var slice = _slices[i];
            if (slice.Length == 0) continue;
            var text = _segments[slice.Segment].AsSpan(slice.Start, slice.Length);
            if (text[0] != (byte)'[') continue;
            starts.Clear();
            var reader = new Utf8JsonReader(text, ReaderOptions);
            reader.Read();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var (start, length) = ValueAt(ref reader);
                starts.Add((start, length));
                // Only the count is needed past the wanted element of a non-negative index.
                if (index >= 0 && starts.Count > index) break;
            }
            var at = index < 0 ? index + starts.Count : index;
            if (at >= 0 && at < starts.Count && starts[(int)at] is var (elementStart, elementLength) && elementLength > 0)
                result[i] = new Slice(slice.Segment, slice.Start + elementStart, elementLength);
        }
        return new CompactJson(_segments, result);
    }

    /// <summary>The bytes held: the text of every segment a row points into, and a slice per row.</summary>
    public long SizeInBytes
    {
        get
        {
            var used = new HashSet<int>();
            foreach (var slice in _slices) used.Add(slice.Segment);
            return used.Sum(s => (long)_segments[s].Length) + 12L * _slices.Length;
        }
    }

    /// <summary>One column from consecutive parts (the chunks of a file, the files of a table), sharing their bytes.</summary>
    public static CompactJson Concat(IReadOnlyList<CompactJson> parts)
    {
        if (parts.Count == 1) return parts[0];
        var segments = new List<byte[]>();
        var slices = new Slice[parts.Sum(p => p._slices.Length)];
        var row = 0;
        foreach (var part in parts)
        {
            var offset = segments.Count;
            segments.AddRange(part._segments);
            foreach (var slice in part._slices) slices[row++] = slice with { Segment = slice.Segment + offset };
        }
        return new CompactJson([.. segments], slices);
    }

    /// <summary>Compact values from parsed ones (for tests and for columns made in memory).</summary>
    public static CompactJson From(IEnumerable<JsonNode?> values)
    {
        var builder = new Builder();
        foreach (var value in values)
        {
            if (value is null) builder.AppendNull();
            else builder.Append(Encoding.UTF8.GetBytes(value.ToJsonString()));
        }
        return builder.Build();
    }

    // The value the reader stands on: its start and length in the reader's text (a container is skipped whole);
    // JSON null has length 0, as null is stored.
    private static (int Start, int Length) ValueAt(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.Null) return (start, 0);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        return (start, (int)reader.BytesConsumed - start);
    }

    private static (int Start, int Length)? FindProperty(ReadOnlySpan<byte> text, string name)
    {
        // A bag with a repeated key reads its first occurrence.
        var reader = new Utf8JsonReader(text, ReaderOptions);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            var value = ValueAt(ref reader);
            if (match) return value.Length == 0 ? null : value;
        }
        return null;
    }

    private readonly record struct Slice(int Segment, int Start, int Length);

    /// <summary>Appends values row by row into segments of bounded size (a loader keeps one per chunk and column).</summary>
    public sealed class Builder
    {
        private const int SegmentSize = 4 * 1024 * 1024;
        private readonly List<byte[]> _segments = [];
        private readonly List<Slice> _slices = [];
        private byte[] _current = [];
        private int _used;

        public int Count => _slices.Count;

        /// <summary>The bytes appended so far (what this column keeps).</summary>
        public long Bytes { get; private set; }

        public void AppendNull() => _slices.Add(default);

        /// <summary>Appends one value's JSON text (valid JSON, not the null literal: that is <see cref="AppendNull"/>).</summary>
        public void Append(ReadOnlySpan<byte> json)
        {
            if (json.IsEmpty)
            {
                AppendNull();
                return;
            }
            if (_current.Length - _used < json.Length) NewSegment(json.Length);
            json.CopyTo(_current.AsSpan(_used));
            _slices.Add(new Slice(_segments.Count - 1, _used, json.Length));
            _used += json.Length;
            Bytes += json.Length;
        }

        public CompactJson Build()
        {
            if (_segments.Count > 0 && _used < _current.Length) _segments[^1] = _current[.._used];
            return new CompactJson([.. _segments], [.. _slices]);
        }

        private void NewSegment(int atLeast)
        {
            if (_segments.Count > 0 && _used < _current.Length) _segments[^1] = _current[.._used];
            _current = new byte[Math.Max(SegmentSize, atLeast)];
            _used = 0;
            _segments.Add(_current);
        }
    }
}
