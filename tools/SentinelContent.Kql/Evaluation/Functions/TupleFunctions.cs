using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Runtime;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>Evaluates a function that gives several columns (series_stats, series_fit_line, array_sort_asc of several arrays...).</summary>
public delegate IReadOnlyList<Column> TupleEval(DataTable input, QueryContext context);

/// <summary>The implementation of a function whose result is a tuple of columns, for a call site.</summary>
public delegate TupleEval TupleImplementation(CallSite site);

/// <summary>
/// Functions whose result the binder expands into several columns when they are an item of extend, project or print
/// (`extend (a, b) = series_fit_2lines(y)`, `print array_sort_asc(a, b)`). Each also has a scalar implementation for
/// other contexts (ScalarFunctions), which gives what the tuple's first column would, unless the function says otherwise.
/// </summary>
public static class TupleFunctions
{
    private static readonly Dictionary<string, TupleImplementation> All = Build();

    public static TupleImplementation? Find(string name) => All.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Keys;

    private static Dictionary<string, TupleImplementation> Build()
    {
        var functions = new Dictionary<string, TupleImplementation>(StringComparer.Ordinal);
        ArraySortFunctions.RegisterTuples(functions);
        return functions;
    }

    /// <summary>The scalar form of a tuple function: its first column.</summary>
    public static ScalarImplementation FirstColumn(TupleImplementation tuple) => site =>
    {
        var eval = tuple(site);
        return (input, context) => eval(input, context)[0];
    };
}
