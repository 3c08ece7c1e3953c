using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// Applying a function of single values to every row of whole columns. This is the general path for the long
/// tail of functions; the hot predicates (==, has, in over strings) have typed loops of their own.
/// </summary>
public static class RowWise
{
    public static Column Map(Column a, ScalarType type, Func<object?, object?> f)
    {
        var result = new object?[a.Count];
        for (var i = 0; i < result.Length; i++)
        {
            QueryContext.Tick(i);
            result[i] = f(KqlValue.Get(a, i));
        }
        return ColumnFactory.FromValues(type, result);
    }

    public static Column Map2(Column a, Column b, ScalarType type, Func<object?, object?, object?> f)
    {
        var result = new object?[a.Count];
        for (var i = 0; i < result.Length; i++)
        {
            QueryContext.Tick(i);
            result[i] = f(KqlValue.Get(a, i), KqlValue.Get(b, i));
        }
        return ColumnFactory.FromValues(type, result);
    }

    public static Column Map3(Column a, Column b, Column c, ScalarType type, Func<object?, object?, object?, object?> f)
    {
        var result = new object?[a.Count];
        for (var i = 0; i < result.Length; i++)
        {
            QueryContext.Tick(i);
            result[i] = f(KqlValue.Get(a, i), KqlValue.Get(b, i), KqlValue.Get(c, i));
        }
        return ColumnFactory.FromValues(type, result);
    }

    /// <summary>
    /// <see cref="MapN(IReadOnlyList{Column}, int, ScalarType, Func{object?[], object?})"/> inside the run's budget: time and
    /// memory are checked every <see cref="QueryContext.RowsPerCheck"/> rows (4M rows of hash_sha256 stop at --timeout, not
    /// after it), and a string result over <see cref="ValueLimits.MaxValueSize"/> is SC0806 at <paramref name="span"/>.
    /// </summary>
    public static Column MapN(
        IReadOnlyList<Column> columns, int rows, ScalarType type, Func<object?[], object?> f, QueryContext context, Core.Text.TextSpan span)
    {
        var result = new object?[rows];
        var args = new object?[columns.Count];
        for (var i = 0; i < rows; i++)
        {
            if ((i & (QueryContext.RowsPerCheck - 1)) == 0) context.CheckBudget(span);
            for (var c = 0; c < args.Length; c++) args[c] = KqlValue.Get(columns[c], i);
            var value = f(args);
            if (value is string { Length: > (int)ValueLimits.MaxValueSize } text)
            {
                var message = new ValueTooLargeException("a string", text.Length).Message;
                throw QueryContext.Failure(EvaluationDiagnostics.ValueTooLarge, span, message);
            }
            result[i] = value;
        }

        return ColumnFactory.FromValues(type, result);
    }

    public static Column MapN(IReadOnlyList<Column> columns, int rows, ScalarType type, Func<object?[], object?> f)
    {
        var result = new object?[rows];
        var args = new object?[columns.Count];
        for (var i = 0; i < rows; i++)
        {
            QueryContext.Tick(i);
            for (var c = 0; c < args.Length; c++) args[c] = KqlValue.Get(columns[c], i);
            result[i] = f(args);
        }

        return ColumnFactory.FromValues(type, result);
    }
}
