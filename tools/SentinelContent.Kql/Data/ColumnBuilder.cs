using System.Collections;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data;

/// <summary>Builds a column row by row from sample values, converting each with <see cref="ValueConversion"/>.</summary>
public abstract class ColumnBuilder
{
    public abstract ScalarType Type { get; }

    public abstract int Count { get; }

    /// <summary>Appends a JSON value; false (with a reason) when it does not fit the column's type.</summary>
    public abstract bool TryAppend(JsonNode? value, out string error);

    /// <summary>Appends text (from CSV); an empty field is null for non-string types.</summary>
    public abstract bool TryAppendText(string text, out string error);

    public abstract void AppendNull();

    public abstract Column Build();

    public static ColumnBuilder For(ScalarType type) => type switch
    {
        ScalarType.Bool => new Typed<bool>(type, ValueConversion.TryBool, ValueConversion.TryBoolText),
        ScalarType.Int => new Typed<int>(type, ValueConversion.TryInt, ValueConversion.TryIntText),
        ScalarType.Long => new Typed<long>(type, ValueConversion.TryLong, ValueConversion.TryLongText),
        ScalarType.Real => new Typed<double>(type, ValueConversion.TryReal, ValueConversion.TryRealText),
        ScalarType.Decimal => new Typed<decimal>(type, ValueConversion.TryDecimal, ValueConversion.TryDecimalText),
        ScalarType.DateTime => new Typed<DateTime>(type, ValueConversion.TryDateTime, ValueConversion.TryDateTimeText),
        ScalarType.TimeSpan => new Typed<TimeSpan>(type, ValueConversion.TryTimeSpan, ValueConversion.TryTimeSpanText),
        ScalarType.Guid => new Typed<Guid>(type, ValueConversion.TryGuid, ValueConversion.TryGuidText),
        ScalarType.String => new Strings(),
        ScalarType.Dynamic => new Dynamics(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "no column of this type"),
    };

    public delegate bool Converter<T>(JsonNode value, out T result);

    public delegate bool TextConverter<T>(string text, out T result);

    private sealed class Typed<T>(ScalarType type, Converter<T> convert, TextConverter<T> convertText) : ColumnBuilder where T : struct
    {
        private readonly List<T> _values = [];
        private readonly List<bool> _nulls = [];

        public override ScalarType Type => type;

        public override int Count => _values.Count;

        public override bool TryAppend(JsonNode? value, out string error)
        {
            error = string.Empty;
            if (value is null) { AppendNull(); return true; }
            if (!convert(value, out var result)) { error = ValueConversion.Expected(type, value); return false; }
            _values.Add(result);
            _nulls.Add(false);
            return true;
        }

        public override bool TryAppendText(string text, out string error)
        {
            error = string.Empty;
            if (text.Length == 0) { AppendNull(); return true; }
            if (!convertText(text, out var result)) { error = $"expected {ValueConversion.Describe(type)}, found '{ValueConversion.Shorten(text)}'"; return false; }
            _values.Add(result);
            _nulls.Add(false);
            return true;
        }

        public override void AppendNull()
        {
            _values.Add(default);
            _nulls.Add(true);
        }

        public override Column Build() => new ValueColumn<T>(type, [.. _values], new BitArray([.. _nulls]));
    }

    private sealed class Strings : ColumnBuilder
    {
        private readonly List<string> _values = [];

        public override ScalarType Type => ScalarType.String;

        public override int Count => _values.Count;

        public override bool TryAppend(JsonNode? value, out string error)
        {
            error = string.Empty;
            if (value is null) { AppendNull(); return true; }
            if (value is JsonValue v && v.TryGetValue<string>(out var text)) { _values.Add(text); return true; }
            error = ValueConversion.Expected(ScalarType.String, value) + " (quote it to make it text)";
            return false;
        }

        public override bool TryAppendText(string text, out string error)
        {
            error = string.Empty;
            _values.Add(text);
            return true;
        }

        /// <summary>KQL strings are never null: a missing string is the empty string.</summary>
        public override void AppendNull() => _values.Add(string.Empty);

        public override Column Build() => new StringColumn([.. _values]);
    }

    private sealed class Dynamics : ColumnBuilder
    {
        private readonly List<JsonNode?> _values = [];

        public override ScalarType Type => ScalarType.Dynamic;

        public override int Count => _values.Count;

        public override bool TryAppend(JsonNode? value, out string error)
        {
            error = string.Empty;
            _values.Add(ValueConversion.ToDynamic(value));
            return true;
        }

        public override bool TryAppendText(string text, out string error)
        {
            error = string.Empty;
            _values.Add(text.Length == 0 ? null : ValueConversion.ToDynamic(JsonValue.Create(text)));
            return true;
        }

        public override void AppendNull() => _values.Add(null);

        public override Column Build() => new DynamicColumn([.. _values]);
    }
}
