using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Planning;

/// <summary>Evaluates a scalar expression over every row of an input batch at once, giving one column.</summary>
public delegate Column ScalarEval(DataTable input, QueryContext context);

/// <summary>
/// The rows of a batch where a predicate is true, found without building a boolean column: the predicates a filter
/// runs over every row of a table (OperationName == "...") offer one, and where uses it.
/// </summary>
public delegate List<int> RowFilter(DataTable input, QueryContext context);

/// <summary>Produces a table (a source, or an operator over its planned input).</summary>
public delegate DataTable TabularEval(QueryContext context);

/// <summary>A planned scalar expression: its type, how to evaluate it, and its value when it is a constant.</summary>
public sealed class ScalarPlan
{
    private ScalarPlan(ScalarType type, ScalarEval eval, bool isConstant, object? value, RowFilter? filter = null)
    {
        Type = type;
        Eval = eval;
        IsConstant = isConstant;
        Value = value;
        Filter = filter;
    }

    public ScalarType Type { get; }

    public ScalarEval Eval { get; }

    /// <summary>True for literals and names bound to them: operators use the value directly instead of a column.</summary>
    public bool IsConstant { get; }

    public object? Value { get; }

    /// <summary>For a boolean expression that can name its true rows directly: the same rows <see cref="Eval"/> marks true.</summary>
    public RowFilter? Filter { get; }

    public static ScalarPlan Of(ScalarType type, ScalarEval eval) => new(type, eval, false, null);

    /// <summary>`*` as a function argument (estimate_data_size(*), hash_many(*)...): the function reads the input's columns itself.</summary>
    public static ScalarPlan Star { get; } = new(ScalarType.Dynamic, (_, _) => throw new InvalidOperationException("`*` has no value of its own"), false, null);

    public bool IsStar => ReferenceEquals(this, Star);

    /// <summary>A boolean expression with both a column form and a row-filter form.</summary>
    public static ScalarPlan Predicate(ScalarEval eval, RowFilter filter) => new(ScalarType.Bool, eval, false, null, filter);

    public static ScalarPlan Constant(ScalarType type, object? value)
    {
        if (type == ScalarType.Unknown) type = ColumnFactory.Infer([value]);
        return new(type, (input, _) => ColumnFactory.Constant(type, value, input.RowCount), true, value);
    }

    /// <summary>The value of a scalar outside any row (a let value, a function argument, print).</summary>
    public object? Single(QueryContext context) => IsConstant ? Value : KqlValue.Get(Eval(Tables.SingleRow, context), 0);
}
