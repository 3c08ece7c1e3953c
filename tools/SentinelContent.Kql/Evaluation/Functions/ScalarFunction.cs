using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Planning;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>A call of a scalar function as planned: the call's node (for errors), its planned arguments and its result type from the binder.</summary>
public sealed record CallSite(SyntaxNode Node, IReadOnlyList<ScalarPlan> Arguments, ScalarType ResultType)
{
    /// <summary>For each argument that is a plain column name, that name (bag_pack_columns keys its bag by them); else null.</summary>
    public IReadOnlyList<string?> ArgumentNames { get; init; } = [];

    public Column[] Evaluate(DataTable input, QueryContext context)
    {
        var columns = new Column[Arguments.Count];
        for (var i = 0; i < columns.Length; i++) columns[i] = Arguments[i].Eval(input, context);
        return columns;
    }

    /// <summary>The result type, or <paramref name="fallback"/> when the binder could not tell.</summary>
    public ScalarType TypeOr(ScalarType fallback) => ResultType == ScalarType.Unknown ? fallback : ResultType;

    public KqlEvaluationException Error(string message) => QueryPlanner.Invalid(Node, message);

    /// <summary>SC0810 for a function the catalog marks as not computable offline, with the catalog's reason.</summary>
    public KqlEvaluationException NotOffline(string function) =>
        QueryPlanner.NotOffline(Node, function, Kql.Catalog.FunctionCatalog.Default.Find(function)?.Offline ?? "it needs a cluster");
}

/// <summary>The implementation of one scalar function of the catalog: given a call site, how to evaluate it over a batch.</summary>
public delegate ScalarEval ScalarImplementation(CallSite site);

/// <summary>Ways to write implementations briefly: a function of single values applied row by row.</summary>
public static class Implement
{
    /// <summary>A function of the arguments' values; <paramref name="type"/> is the result type when the binder gives none.</summary>
    public static ScalarImplementation Values(ScalarType type, Func<object?[], object?> f) =>
        site => (input, context) =>
            RowWise.MapN(site.Evaluate(input, context), input.RowCount, site.TypeOr(type), f, context, site.Node.Span);

    /// <summary>A function that also reads the run's context (the pinned now).</summary>
    public static ScalarImplementation WithContext(ScalarType type, Func<QueryContext, object?[], object?> f) =>
        site => (input, context) => RowWise.MapN(
            site.Evaluate(input, context), input.RowCount, site.TypeOr(type), args => f(context, args), context, site.Node.Span);

    /// <summary>A function that also needs its call site (to reserve memory before a large value, with the call's position).</summary>
    public static ScalarImplementation WithSite(ScalarType type, Func<CallSite, QueryContext, object?[], object?> f) =>
        site => (input, context) => RowWise.MapN(
            site.Evaluate(input, context), input.RowCount, site.TypeOr(type), args => f(site, context, args), context, site.Node.Span);

    /// <summary>A function whose arguments are all null-propagating: any null argument gives null without calling <paramref name="f"/>.</summary>
    public static ScalarImplementation Strict(ScalarType type, Func<object?[], object?> f) =>
        Values(type, args =>
        {
            foreach (var arg in args)
                if (arg is null) return null;
            return f(args);
        });

    public static object? Arg(this object?[] args, int index) => index < args.Length ? KqlValue.Unwrap(args[index]) : null;

    public static string Text(this object?[] args, int index) => index < args.Length ? KqlValue.ToText(args[index]) : string.Empty;
}

/// <summary>Every scalar function the engine implements, by its catalog name (aliases resolve through the catalog).</summary>
public static class ScalarFunctions
{
    private static readonly Dictionary<string, ScalarImplementation> All = Build();

    public static ScalarImplementation? Find(string name) => All.GetValueOrDefault(name);

    public static IEnumerable<string> Names => All.Keys;

    private static Dictionary<string, ScalarImplementation> Build()
    {
        var functions = new Dictionary<string, ScalarImplementation>(StringComparer.Ordinal);
        ConversionFunctions.Register(functions);
        StringFunctions.Register(functions);
        DateTimeFunctions.Register(functions);
        DynamicFunctions.Register(functions);
        LogicalFunctions.Register(functions);
        MathFunctions.Register(functions);
        NetworkFunctions.Register(functions);
        WindowFunctions.Register(functions);
        ArraySortFunctions.Register(functions);
        ArrayFunctions.Register(functions);
        BagFunctions.Register(functions);
        HashFunctions.Register(functions);
        EncodingFunctions.Register(functions);
        StatisticsFunctions.Register(functions);
        UnitFunctions.Register(functions);
        Ipv6Functions.Register(functions);
        Ipv4TextFunctions.Register(functions);
        StringSearchFunctions.Register(functions);
        SketchFunctions.Register(functions);
        SessionWindow.Register(functions);
        TimeZoneFunctions.Register(functions);
        ParsingFunctions.Register(functions);
        CheckFunctions.Register(functions);
        GeoFunctions.Register(functions);
        return functions;
    }
}
