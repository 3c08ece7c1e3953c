using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Evaluation;

/// <summary>SC08xx: running a query locally (planning and evaluation).</summary>
public static class EvaluationDiagnostics
{
    private const string Category = "Evaluation";

    public static readonly DiagnosticDescriptor Unsupported = new(
        "SC0801", "Not supported by the local engine", "the local engine does not support {0}", DiagnosticSeverity.Error, Category,
        "The query is valid KQL, but it uses an operator, function or plugin the local evaluator does not implement. It is found when the query is planned, so it fails even on empty tables. Run the query in a workspace, or rewrite it with supported features; docs/kql-evaluator.md lists what is supported.");

    public static readonly DiagnosticDescriptor RowLimit = new(
        "SC0802", "Row limit exceeded", "the query produced more than {0:N0} rows in one step", DiagnosticSeverity.Error, Category,
        "Local evaluation caps the rows any operator may produce (joins and mv-expand can multiply rows), so one query cannot exhaust memory. Narrow the data or the query; the cap is EvaluationLimits.MaxRows.");

    public static readonly DiagnosticDescriptor TimeLimit = new(
        "SC0803", "Time limit exceeded", "the query ran longer than {0}", DiagnosticSeverity.Error, Category,
        "Local evaluation stops a query that runs past its time limit (EvaluationLimits.Timeout), and a cancelled run stops the same way.");

    public static readonly DiagnosticDescriptor RuntimeError = new(
        "SC0804", "Query failed at run time", "{0}", DiagnosticSeverity.Error, Category,
        "The query is valid but could not be evaluated on this data: for example a regular expression that does not compile, or toscalar() over a table without rows. The message says what failed.");

    public static readonly DiagnosticDescriptor MemoryLimit = new(
        "SC0805", "Memory limit exceeded", "{0}", DiagnosticSeverity.Error, Category,
        "Local evaluation bounds the memory a query may hold (--max-memory; by default half the memory available, at most " +
        "8 GiB), checked inside operators and functions every few thousand rows and before every large allocation, so a " +
        "runaway query fails with this message instead of exhausting the machine. Narrow the data or the query, or raise --max-memory.");

    public static readonly DiagnosticDescriptor ValueTooLarge = new(
        "SC0806", "Value too large", "{0}", DiagnosticSeverity.Error, Category,
        "A string, array or bag the query builds (strrep, strcat, make_set, make_list, pack...) would be larger than 32 MiB, " +
        "the largest value Kusto stores (a column's MaxValueSize; 1 MiB by default). The check happens before the value is " +
        "built. Build smaller values: limit make_set/make_list with their max-size argument, or summarize further.");

    public static readonly DiagnosticDescriptor NotOffline = new(
        "SC0810", "Function not computable offline", "{0}() cannot be computed by the local engine: {1}", DiagnosticSeverity.Error, Category,
        "The function needs something only a cluster has: the signed-in principal, the database and its storage extents or cursors, or Microsoft's IP geolocation data. The reason is in the function catalog (Catalog/Data/kql-functions.json, field \"offline\") and in docs/kql-evaluator.md. Run the query in a workspace, or leave the function out of what the local test checks.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [Unsupported, RowLimit, TimeLimit, RuntimeError, MemoryLimit, ValueTooLarge, NotOffline];
}
