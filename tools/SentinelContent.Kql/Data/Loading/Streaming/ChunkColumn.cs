using System.Buffers;
using System.Collections;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// The values of one column from one chunk of a data file, appended straight from the parser's tokens (no row
/// object, no JsonNode) by the one thread that parses the chunk. The chunks of a table are joined in file order by
/// <see cref="Concat"/>. Conversions follow <see cref="ValueConversion"/> exactly, so a streamed table equals the
/// table the row-by-row sample reader builds (a test holds the two to it).
/// </summary>
internal abstract class ChunkColumn
{
    public abstract int Count { get; }

    /// <summary>An estimate of the memory the values take (what the memory budget is charged).</summary>
    public abstract long Bytes { get; }

    /// <summary>Appends the JSON value the reader stands on (the reader ends on its last token); false with a reason when it does not
    /// fit.</summary>
    public abstract bool TryAppend(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out string error);

    /// <summary>Appends CSV text: empty is null for every type but string.</summary>
    public abstract bool TryAppendText(ReadOnlySpan<char> text, out string error);

    public abstract void AppendNull();

    public static ChunkColumn For(ScalarType type) => type switch
    {
        ScalarType.Bool => new Values<bool>(type, TokenConversion.TryBool, ValueConversion.TryBoolText),
        ScalarType.Int => new Values<int>(type, TokenConversion.TryInt, ValueConversion.TryIntText),
        ScalarType.Long => new Values<long>(type, TokenConversion.TryLong, ValueConversion.TryLongText),
        ScalarType.Real => new Values<double>(type, TokenConversion.TryReal, ValueConversion.TryRealText),
        ScalarType.Decimal => new Values<decimal>(type, TokenConversion.TryDecimal, ValueConversion.TryDecimalText),
        ScalarType.DateTime => new Values<DateTime>(type, TokenConversion.TryDateTime, TokenConversion.TryDateTimeText),
        ScalarType.TimeSpan => new Values<TimeSpan>(type, TokenConversion.TryTimeSpan, ValueConversion.TryTimeSpanText),
        ScalarType.Guid => new Values<Guid>(type, TokenConversion.TryGuid, ValueConversion.TryGuidText),
        ScalarType.String => new Strings(),
        ScalarType.Dynamic => new Dynamics(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no column of this type"),
    };

    /// <summary>The column of a table from its chunks, in order.</summary>
    public static Column Concat(ScalarType type, IReadOnlyList<ChunkColumn> parts) => type switch
    {
        ScalarType.Bool => Values<bool>.Join(type, parts),
        ScalarType.Int => Values<int>.Join(type, parts),
        ScalarType.Long => Values<long>.Join(type, parts),
        ScalarType.Real => Values<double>.Join(type, parts),
        ScalarType.Decimal => Values<decimal>.Join(type, parts),
        ScalarType.DateTime => Values<DateTime>.Join(type, parts),
        ScalarType.TimeSpan => Values<TimeSpan>.Join(type, parts),
        ScalarType.Guid => Values<Guid>.Join(type, parts),
        ScalarType.String => Strings.Join(parts),
        ScalarType.Dynamic => Dynamics.Join(parts),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no column of this type"),
    };

    /// <summary>The value under the reader as JSON text, for messages (compact, as the row reader's messages print it).</summary>
    private protected static string Describe(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        var text = json[start..(int)reader.BytesConsumed];
        try
        {
            return JsonNode.Parse(text)?.ToJsonString() ?? "null";
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(text);
        }
    }

    private delegate bool TokenConverter<T>(ref Utf8JsonReader reader, out T value);

    private delegate bool TextConverter<T>(string text, out T value);

    private sealed class Values<T>(ScalarType type, TokenConverter<T> convert, TextConverter<T> convertText) : ChunkColumn where T : struct
    {
        private T[] _values = new T[256];
        private BitArray? _nulls;
        private int _count;

        public override int Count => _count;

        public override long Bytes => (long)_values.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + (_nulls?.Length ?? 0) / 8;

        public override bool TryAppend(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out string error)
        {
            error = string.Empty;
            if (reader.TokenType == JsonTokenType.Null) { AppendNull(); return true; }
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) && convert(ref reader, out var value))
            {
                Add(value);
                return true;
            }
            error = $"expected {ValueConversion.Describe(type)}, found {ValueConversion.Shorten(Describe(ref reader, json))}";
            return false;
        }

        public override bool TryAppendText(ReadOnlySpan<char> text, out string error)
        {
            error = string.Empty;
            if (text.Length == 0) { AppendNull(); return true; }
            var s = text.ToString();
            if (!convertText(s, out var value))
            {
                error = $"expected {ValueConversion.Describe(type)}, found '{ValueConversion.Shorten(s)}'";
                return false;
            }
            Add(value);
            return true;
        }

        public override void AppendNull()
        {
            _nulls ??= new BitArray(_values.Length);
            Add(default);
            _nulls[_count - 1] = true;
        }

        private void Add(T value)
        {
            if (_count == _values.Length)
            {
                Array.Resize(ref _values, _values.Length * 2);
                if (_nulls is not null) _nulls.Length = _values.Length;
            }
            _values[_count++] = value;
        }

        public static Column Join(ScalarType type, IReadOnlyList<ChunkColumn> parts)
        {
            var total = parts.Sum(p => p.Count);
            var values = new T[total];
            var nulls = new BitArray(total);
            var at = 0;
            foreach (Values<T> part in parts)
            {
                Array.Copy(part._values, 0, values, at, part._count);
                if (part._nulls is { } partNulls)
                {
                    for (var i = 0; i < part._count; i++)
                        if (partNulls[i]) nulls[at + i] = true;
                }
                at += part._count;
            }
            return new ValueColumn<T>(type, values, nulls);
        }
    }

    /// <summary>
    /// Strings, dictionary-encoded while the chunk's values repeat (OperationName, Category, Result: a code a row and
    /// each distinct value once, looked up from the UTF-8 bytes without making a string), plain once they do not
    /// (ids, correlation ids), decided on the first rows.
    /// </summary>
    private sealed class Strings : ChunkColumn
    {
        private const int DecideAfter = 2048;
        private Dictionary<string, int>? _dictionary = new(StringComparer.Ordinal);
        private readonly List<string> _distinct = [];
        private int[] _codes = new int[256];
        private string[]? _plain;
        private int _count;
        private long _textBytes;

        public override int Count => _count;

        public override long Bytes
            => _plain is not null ? 8L * _plain.Length + _textBytes : 4L * _codes.Length + 48L * _distinct.Count + _textBytes;

        public override bool TryAppend(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out string error)
        {
            error = string.Empty;
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped || reader.HasValueSequence) AddString(reader.GetString()!);
                    else AddUtf8(reader.ValueSpan);
                    return true;
                case JsonTokenType.Null:
                    AppendNull();
                    return true;
                default:
                    var found = ValueConversion.Shorten(Describe(ref reader, json));
                    error = $"expected {ValueConversion.Describe(ScalarType.String)}, found {found} (quote it to make it text)";
                    return false;
            }
        }

        public override bool TryAppendText(ReadOnlySpan<char> text, out string error)
        {
            error = string.Empty;
            AddChars(text);
            return true;
        }

        /// <summary>KQL strings are never null: a missing string is the empty string.</summary>
        public override void AppendNull() => AddChars([]);

        private void AddUtf8(ReadOnlySpan<byte> utf8)
        {
            if (_dictionary is null)
            {
                AddString(Encoding.UTF8.GetString(utf8));
                return;
            }
            char[]? rented = null;
            var chars = utf8.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
            var length = Encoding.UTF8.GetChars(utf8, chars);
            AddChars(chars[..length]);
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }

        private void AddChars(ReadOnlySpan<char> text)
        {
            if (_dictionary is not null)
            {
                var lookup = _dictionary.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.TryGetValue(text, out var code))
                {
                    var value = text.ToString();
                    code = _distinct.Count;
                    _distinct.Add(value);
                    _dictionary.Add(value, code);
                    _textBytes += ColumnSizes.OfString(value);
                }
                AddCode(code);
                return;
            }
            AddString(text.ToString());
        }

        private void AddString(string value)
        {
            if (_dictionary is not null)
            {
                AddChars(value);
                return;
            }
            if (_count == _plain!.Length) Array.Resize(ref _plain, _plain.Length * 2);
            _plain[_count++] = value;
            _textBytes += ColumnSizes.OfString(value);
        }

        private void AddCode(int code)
        {
            if (_count == _codes.Length) Array.Resize(ref _codes, _codes.Length * 2);
            _codes[_count++] = code;
            // Mostly distinct values gain nothing from a dictionary: keep them plain from here on.
            if (_count == DecideAfter && _distinct.Count > DecideAfter / 2) ToPlain();
        }

        private void ToPlain()
        {
            _plain = new string[Math.Max(_codes.Length, 256)];
            for (var i = 0; i < _count; i++) _plain[i] = _distinct[_codes[i]];
            _dictionary = null;
            _codes = [];
        }

        public static Column Join(IReadOnlyList<ChunkColumn> parts)
        {
            var chunks = parts.Cast<Strings>().ToList();
            var total = chunks.Sum(c => c._count);
            if (chunks.All(c => c._dictionary is not null))
            {
                // One dictionary for the column: each chunk's codes mapped into it.
                var merged = new Dictionary<string, int>(StringComparer.Ordinal);
                var dictionary = new List<string>();
                var codes = new int[total];
                var at = 0;
                foreach (var chunk in chunks)
                {
                    var map = new int[chunk._distinct.Count];
                    for (var i = 0; i < map.Length; i++)
                    {
                        var value = chunk._distinct[i];
                        if (!merged.TryGetValue(value, out var code))
                        {
                            merged[value] = code = dictionary.Count;
                            dictionary.Add(value);
                        }
                        map[i] = code;
                    }
                    for (var i = 0; i < chunk._count; i++) codes[at + i] = map[chunk._codes[i]];
                    at += chunk._count;
                }
                if (dictionary.Count <= Math.Max(total / 2, 16)) return new StringColumn(codes, [.. dictionary]);
            }
            var plain = new string[total];
            var row = 0;
            foreach (var chunk in chunks)
            {
                if (chunk._plain is { } values) Array.Copy(values, 0, plain, row, chunk._count);
                else for (var i = 0; i < chunk._count; i++) plain[row + i] = chunk._distinct[chunk._codes[i]];
                row += chunk._count;
            }
            return new StringColumn(plain);
        }
    }

    /// <summary>dynamic values as their UTF-8 JSON text (<see cref="CompactJson"/>): the bytes of the file, copied once.</summary>
    private sealed class Dynamics : ChunkColumn
    {
        private readonly CompactJson.Builder _builder = new();
        private readonly DynamicText _text = new();

        public override int Count => _builder.Count;

        public override long Bytes => _builder.Bytes + 12L * _builder.Count;

        public override bool TryAppend(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, out string error)
        {
            error = string.Empty;
            _text.Append(ref reader, json, _builder);
            return true;
        }

        public override bool TryAppendText(ReadOnlySpan<char> text, out string error)
        {
            error = string.Empty;
            if (text.Length == 0) AppendNull();
            else _text.AppendText(text, _builder);
            return true;
        }

        public override void AppendNull() => _builder.AppendNull();

        public static Column Join(IReadOnlyList<ChunkColumn> parts) =>
            new DynamicColumn(CompactJson.Concat([.. parts.Cast<Dynamics>().Select(p => p._builder.Build())]));
    }
}
