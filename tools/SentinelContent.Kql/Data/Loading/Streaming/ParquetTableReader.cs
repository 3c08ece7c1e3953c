using System.Globalization;
using Parquet;
using Parquet.Schema;
using ParquetRowGroupReader = Parquet.ParquetRowGroupReader;
using SentinelContent.Core.Input;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Data.Loading.Streaming;

/// <summary>
/// Reads a Parquet file (ADX and Log Analytics export jobs write them) with Parquet.Net, row group by row group and
/// column by column, into a table's columns. Parquet is typed, so each value is taken as its text and typed by the
/// column as a CSV value is (a dynamic column's JSON text becomes its value). A file has no lines: a problem's
/// line is the row number. One worker reads a whole file; files load side by side.
/// </summary>
internal static class ParquetTableReader
{
    /// <summary>The file, seekable as Parquet needs; regular files only (no FIFO, no device).</summary>
    public static Stream Open(string path)
    {
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
            throw new InputFileException(kind == FileKind.Missing ? InputProblem.Missing : InputProblem.NotRegular,
                kind == FileKind.Missing ? "no such file" : $"{FileKinds.Describe(kind)}, not a regular file");
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
    }

    /// <summary>Reads every row into <paramref name="columns"/>; the row count, or -1 after a fatal problem.</summary>
    public static int Read(string path, TableLayout layout, ChunkColumn?[] columns, List<LoadProblem> problems, Func<bool> stopped)
    {
        using var stream = Open(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return Read(reader, layout, columns, problems, stopped);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Read(
        ParquetReader reader, TableLayout layout, ChunkColumn?[] columns, List<LoadProblem> problems, Func<bool> stopped)
    {
        var fields = reader.Schema.GetDataFields();
        var targets = new int[fields.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            var name = fields[f].Path.FirstPart ?? fields[f].Name;
            if (fields[f].Path.Length > 1 || fields[f].IsArray)
            {
                problems.Add(LoadProblem.Fail(1, 1, DataDiagnostics.UnsupportedParquetColumn, fields[f].Path.ToString(), layout.Name));
                return -1;
            }
            targets[f] = layout.Index.TryGetValue(name, out var column) ? column : -1;
            if (targets[f] < 0)
            {
                problems.Add(LoadProblem.Report(1, DataDiagnostics.UnknownColumn, layout.Name, name,
                    Similarity.DidYouMean(name, layout.SchemaNames)));
            }
        }
        if (problems.Count > 0) return -1;
        var rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            if (stopped()) return -1;
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var filled = new bool[layout.Columns.Count];
            for (var f = 0; f < fields.Length; f++)
            {
                var column = targets[f];
                var target = columns[column] ??= layout.NewExtra(column, rows);
                filled[column] = true;
                var data = Values(group, fields[f], count);
                for (var i = 0; i < count; i++)
                {
                    if (!Append(target, data[i], out var error))
                    {
                        if (problems.Count <= JsonRowReader.MaxProblems)
                        {
                            problems.Add(LoadProblem.Report(rows + i + 1, DataDiagnostics.WrongValueType, layout.Name,
                                layout.Columns[column].Name, error));
                        }
                        target.AppendNull();
                    }
                }
            }
            for (var c = 0; c < filled.Length; c++)
            {
                if (filled[c] || columns[c] is not { } unfilled) continue;
                for (var i = 0; i < count; i++) unfilled.AppendNull();
            }
            rows += count;
        }
        return rows;
    }

    /// <summary>The schema of a file whose table the catalog does not know: its columns, typed as Parquet types them.</summary>
    public static bool Infer(string path, SchemaInference inference, List<LoadProblem> problems)
    {
        using var stream = Open(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        var fields = reader.Schema.GetDataFields();
        reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        foreach (var field in fields)
        {
            if (field.Path.Length > 1 || field.IsArray)
            {
                var file = Path.GetFileName(path);
                problems.Add(LoadProblem.Fail(1, 1, DataDiagnostics.UnsupportedParquetColumn, field.Path.ToString(), file));
                return false;
            }
            inference.Add(field.Name, TypeOf(field.ClrType));
        }
        return true;
    }

    /// <summary>One row group's values of a column, boxed (null where the file has none).</summary>
    private static object?[] Values(ParquetRowGroupReader group, DataField field, int count)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        // Parquet.Net types a text column as ReadOnlyMemory<char> and a binary one as ReadOnlyMemory<byte>; both read as arrays too.
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var strings = new string?[count];
            group.ReadAsync(field, strings.AsMemory(), null).GetAwaiter().GetResult();
            return strings;
        }
        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
        {
            var bytes = new byte[]?[count];
            group.ReadAsync(field, bytes.AsMemory(), null).GetAwaiter().GetResult();
            return bytes;
        }
        return type switch
        {
            _ when type == typeof(bool) => Structs<bool>(group, field, count),
            _ when type == typeof(sbyte) => Structs<sbyte>(group, field, count),
            _ when type == typeof(byte) => Structs<byte>(group, field, count),
            _ when type == typeof(short) => Structs<short>(group, field, count),
            _ when type == typeof(ushort) => Structs<ushort>(group, field, count),
            _ when type == typeof(int) => Structs<int>(group, field, count),
            _ when type == typeof(uint) => Structs<uint>(group, field, count),
            _ when type == typeof(long) => Structs<long>(group, field, count),
            _ when type == typeof(ulong) => Structs<ulong>(group, field, count),
            _ when type == typeof(float) => Structs<float>(group, field, count),
            _ when type == typeof(double) => Structs<double>(group, field, count),
            _ when type == typeof(decimal) => Structs<decimal>(group, field, count),
            _ when type == typeof(DateTime) => Structs<DateTime>(group, field, count),
            _ when type == typeof(DateTimeOffset) => Structs<DateTimeOffset>(group, field, count),
            _ when type == typeof(DateOnly) => Structs<DateOnly>(group, field, count),
            _ when type == typeof(TimeSpan) => Structs<TimeSpan>(group, field, count),
            _ when type == typeof(TimeOnly) => Structs<TimeOnly>(group, field, count),
            _ when type == typeof(Guid) => Structs<Guid>(group, field, count),
            _ => throw new InvalidDataException($"the Parquet column '{field.Name}' has a type this loader does not read ({type.Name})"),
        };
    }

    private static object?[] Structs<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
    {
        var boxed = new object?[count];
        if (field.IsNullable)
        {
            var values = new T?[count];
            group.ReadAsync(field, values.AsMemory(), null).GetAwaiter().GetResult();
            for (var i = 0; i < count; i++) boxed[i] = values[i];
        }
        else
        {
            var values = new T[count];
            group.ReadAsync(field, values.AsMemory(), null).GetAwaiter().GetResult();
            for (var i = 0; i < count; i++) boxed[i] = values[i];
        }
        return boxed;
    }

    private static ScalarType TypeOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(bool) => ScalarType.Bool,
        var t when t == typeof(int) || t == typeof(short) || t == typeof(sbyte) || t == typeof(byte) || t == typeof(ushort)
            => ScalarType.Int,
        var t when t == typeof(long) || t == typeof(uint) || t == typeof(ulong) => ScalarType.Long,
        var t when t == typeof(float) || t == typeof(double) => ScalarType.Real,
        var t when t == typeof(decimal) => ScalarType.Decimal,
        var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) => ScalarType.DateTime,
        var t when t == typeof(TimeSpan) || t == typeof(TimeOnly) => ScalarType.TimeSpan,
        var t when t == typeof(Guid) => ScalarType.Guid,
        _ => ScalarType.String,
    };

    /// <summary>A Parquet value as the column's text: datetimes in ISO 8601 (UTC), numbers invariant and round-trip.</summary>
    private static bool Append(ChunkColumn column, object? value, out string error)
    {
        error = string.Empty;
        switch (value)
        {
            case null:
                column.AppendNull();
                return true;
            case string text:
                return column.TryAppendText(text, out error);
            case DateTime time:
                var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc);
                return column.TryAppendText(utc.ToString("O", CultureInfo.InvariantCulture), out error);
            case DateOnly date:
                return column.TryAppendText(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out error);
            case DateTimeOffset offset:
                return column.TryAppendText(offset.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), out error);
            case TimeSpan span:
                return column.TryAppendText(span.ToString("c", CultureInfo.InvariantCulture), out error);
            case byte[] bytes:
                return column.TryAppendText(Convert.ToBase64String(bytes), out error);
            case IFormattable formattable:
                return column.TryAppendText(formattable.ToString(null, CultureInfo.InvariantCulture), out error);
            default:
                return column.TryAppendText(value.ToString() ?? string.Empty, out error);
        }
    }
}
