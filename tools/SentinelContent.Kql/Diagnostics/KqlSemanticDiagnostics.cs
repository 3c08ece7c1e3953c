using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Diagnostics;

/// <summary>The semantic diagnostics of the KQL binder (SC03xx): names, types and arguments the query's tables and functions do not support.</summary>
public static class KqlSemanticDiagnostics
{
    private const string Category = "Kql";

    public static readonly DiagnosticDescriptor UnknownTable = new(
        "SC0301", "Unknown table", "The table '{0}' is not known{1}; declare its schema with --schema FILE (a Log Analytics CSV export or JSON {{\"Table\":{{\"Column\":\"type\"}}}})",
        DiagnosticSeverity.Error, Category,
        "The query names a table that is neither a built-in Sentinel table, a table from a --schema file, nor a let-bound name. " +
        "Check the spelling, or declare the table's schema in a schema file and pass it with --schema.");

    public static readonly DiagnosticDescriptor UnknownName = new(
        "SC0302", "Unknown column or name", "The name '{0}' does not refer to any column, table or variable in scope{1}",
        DiagnosticSeverity.Error, Category,
        "A name in an expression is not a column of the operator's input, nor a let-bound variable or parameter. " +
        "Columns removed by an earlier project, summarize or project-away are no longer available; check the spelling (names are case-sensitive).");

    public static readonly DiagnosticDescriptor UnknownFunction = new(
        "SC0303", "Unknown function", "The function '{0}' is not defined{1}",
        DiagnosticSeverity.Error, Category,
        "The query calls a function that is neither built in nor declared with let nor given as a workspace function (--functions). " +
        "Check the spelling (function names are case-sensitive), or declare the function.");

    public static readonly DiagnosticDescriptor WrongArgumentCount = new(
        "SC0304", "Wrong number of arguments", "The function '{0}' expects {1} argument(s), not {2}",
        DiagnosticSeverity.Error, Category,
        "A call passes fewer or more arguments than any signature of the function accepts. See the function's documentation for its parameters.");

    public static readonly DiagnosticDescriptor WrongArgumentType = new(
        "SC0305", "Wrong argument type", "The argument for parameter '{0}' of '{1}' must be {2}, not {3}",
        DiagnosticSeverity.Error, Category,
        "An argument's type does not fit the parameter (KQL converts only int to long/real and dynamic to string implicitly). " +
        "Convert it explicitly, e.g. with tostring(), tolong(), todatetime().");

    public static readonly DiagnosticDescriptor AggregateOutsideSummarize = new(
        "SC0306", "Aggregate outside summarize", "The aggregate function '{0}' can only be used in summarize, make-series or top-nested",
        DiagnosticSeverity.Error, Category,
        "Aggregates (count, dcount, make_set, arg_max, ...) compute one value per group and are only valid in aggregation contexts. " +
        "Use summarize, or the scalar counterpart of the function.");

    public static readonly DiagnosticDescriptor NotTabular = new(
        "SC0307", "Tabular expression expected", "A tabular expression is expected here, but '{0}' is a scalar",
        DiagnosticSeverity.Error, Category,
        "An operator needs a table as its input (a table name, a let-bound tabular expression or a subquery in parentheses).");

    public static readonly DiagnosticDescriptor UnknownTableWarning = new(
        "SC0308", "Table outside the schema catalog", "The table '{0}' is not in the schema catalog; its columns are not checked (pass its schema with --schema FILE)",
        DiagnosticSeverity.Warning, Category,
        "validate checks rule queries against the built-in Sentinel tables and any --schema files. A table outside these is reported as a warning, " +
        "not an error, since the workspace may well have it; with its schema given, its columns are checked too.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownTable, UnknownName, UnknownFunction, WrongArgumentCount, WrongArgumentType, AggregateOutsideSummarize, NotTabular, UnknownTableWarning,
    ];
}
