using System.Text.Json;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// The schema of a table the catalog does not know, from its rows, as the row-by-row builder infers it: columns in
/// order of first appearance, each typed by merging the types of its values (<see cref="ValueConversion.Infer"/>,
/// <see cref="ValueConversion.Merge"/>). One instance per chunk; the chunks are merged in file order.
/// </summary>
internal sealed class SchemaInference
{
    private readonly Dictionary<string, ScalarType> _types = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public void Add(string name, ScalarType type)
    {
        if (!_types.TryGetValue(name, out var known))
        {
            _order.Add(name);
            _types[name] = type;
        }
        else
        {
            _types[name] = ValueConversion.Merge(known, type);
        }
    }

    public void Add(SchemaInference later)
    {
        foreach (var name in later._order) Add(name, later._types[name]);
    }

    public TableSchema Schema(string table) =>
        new(table, [.. _order.Select(name => new ColumnSchema(name,
            _types[name] == ScalarType.Unknown ? ScalarType.String : _types[name]))]);

    /// <summary>The type of the value the reader stands on (the reader ends on its last token).</summary>
    public static ScalarType Infer(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                reader.Skip();
                return ScalarType.Dynamic;
            case JsonTokenType.True or JsonTokenType.False:
                return ScalarType.Bool;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out _) ? ScalarType.Long : ScalarType.Real;
            case JsonTokenType.String:
                if (!reader.ValueIsEscaped && !reader.HasValueSequence && TokenConversion.TryIso8601(reader.ValueSpan,
                    out _)) return ScalarType.DateTime;
                return ValueConversion.LooksLikeDateTime(reader.GetString()!) ? ScalarType.DateTime : ScalarType.String;
            default:
                return ScalarType.Unknown;
        }
    }

    /// <summary>Reads one row's names and types; false (with the problem) when the row is not a readable object.</summary>
    public bool Read(ReadOnlySpan<byte> json, long line, JsonReaderOptions options, List<LoadProblem> problems)
    {
        var reader = new Utf8JsonReader(json, options);
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var kind = reader.TokenType switch
                {
                    JsonTokenType.StartArray => "array", JsonTokenType.String => "string", JsonTokenType.Number => "number",
                    JsonTokenType.True => "true", JsonTokenType.False => "false", _ => "null",
                };
                reader.Skip();
                while (reader.Read()) { }
                problems.Add(LoadProblem.Fail(line, 1, DataDiagnostics.RowNotAnObject, kind));
                return false;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!seen.Add(name))
                {
                    problems.Add(LoadProblem.Fail(line, 1, DataDiagnostics.InvalidSampleFile,
                        $"the row names the column '{name}' twice; keep one"));
                    return false;
                }
                reader.Read();
                Add(name, Infer(ref reader));
            }
            while (reader.Read()) { }
            return true;
        }
        catch (JsonException e)
        {
            problems.Add(LoadProblem.Fail(line, (int)(e.BytePositionInLine ?? 0) + 1, DataDiagnostics.InvalidSampleFile,
                JsonRowReader.Clean(e)));
            return false;
        }
        catch (InvalidOperationException)
        {
            problems.Add(LoadProblem.Fail(line, 1, DataDiagnostics.InvalidSampleFile,
                "the row holds a string that is not valid text (a lone surrogate escape such as \\ud800?)"));
            return false;
        }
    }
}
