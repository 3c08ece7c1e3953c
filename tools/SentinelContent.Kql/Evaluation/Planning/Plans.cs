using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Planning;

/// <summary>Evaluates a scalar expression over every row of an input batch at once, giving one column.</summary>
public delegate Column ScalarEval(DataTable input, QueryContext context);

/// <summary>Produces a table (a source, or an operator over its planned input).</summary>
public delegate DataTable TabularEval(QueryContext context);

/// <summary>A planned scalar expression: its type, how to evaluate it, and its value when it is a constant.</summary>
public sealed class ScalarPlan
{
    private ScalarPlan(ScalarType type, ScalarEval eval, bool isConstant, object? value)
    {
        Type = type;
        Eval = eval;
        IsConstant = isConstant;
        Value = value;
    }

    public ScalarType Type { get; }

    public ScalarEval Eval { get; }

    /// <summary>True for literals and names bound to them: operators use the value directly instead of a column.</summary>
    public bool IsConstant { get; }

    public object? Value { get; }

    public static ScalarPlan Of(ScalarType type, ScalarEval eval) => new(type, eval, false, null);

    public static ScalarPlan Constant(ScalarType type, object? value)
    {
        if (type == ScalarType.Unknown) type = ColumnFactory.Infer([value]);
        return new(type, (input, _) => ColumnFactory.Constant(type, value, input.RowCount), true, value);
    }

    /// <summary>The value of a scalar outside any row (a let value, a function argument, print).</summary>
    public object? Single(QueryContext context) => IsConstant ? Value : KqlValue.Get(Eval(Tables.SingleRow, context), 0);
}
