using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Binding;

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

    public static readonly DiagnosticDescriptor UnknownWorkspaceFunction = new(
        "SC0320", "Function the workspace may define", "The function '{0}' is not built in, so its result is not checked; if the workspace defines it (an ASIM parser, a watchlist helper, a solution's function), declare it with --functions FILE, or --schema FILE with the file `schema pull` writes",
        DiagnosticSeverity.Warning, Category,
        "Rules from Azure-Sentinel call functions that live in the workspace rather than in KQL: ASIM parsers (_Im_Dns, _ASim_NetworkSession), " +
        "watchlist helpers (_ASIM_GetWatchlistRaw) and the functions a solution installs (MSBizAppsTerminatedEmployees). Without them the binder " +
        "cannot know what such a call returns, so it is a warning, not an error: the rule may well be right. Declare the function (JSON " +
        "{\"Name\":{\"parameters\":\"(x:string)\",\"body\":\"{ ... }\"}} with --functions, or the file `sentinelctl schema pull` writes with --schema) " +
        "to have the call and everything after it checked. A name close to a built-in function is still an error (SC0303), since it is almost always a typo.");

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

    public static readonly DiagnosticDescriptor DuplicateColumn = new(
        "SC0309", "Column declared twice", "A column named '{0}' is already declared in this operator",
        DiagnosticSeverity.Error, Category,
        "project, summarize and extend may not declare the same column name twice in one operator. Rename one of them.");

    // Rule checks that need the query's result schema (validate).
    public static readonly DiagnosticDescriptor MappedColumnMissing = new(
        "SC0310", "Mapped column not in the query result", "The {0} refers to column '{1}', which the query's result does not have{2}",
        DiagnosticSeverity.Error, Category,
        "Entity mappings, custom details and alert details overrides read columns of the query's result. A column removed by project, " +
        "project-away or summarize (or misspelled) makes Sentinel reject the rule. Keep the column in the result or fix the name.");

    public static readonly DiagnosticDescriptor MappedColumnType = new(
        "SC0311", "Mapped column of an unfitting type", "The {0} refers to column '{1}' of type {2}; it must be {3}",
        DiagnosticSeverity.Warning, Category,
        "Entity identifiers, the severity column and alert name/description placeholders are read as text; tactics as text or an array. " +
        "Convert the column with tostring() (or strcat) in the query.");

    public static readonly DiagnosticDescriptor NoTimeFilter = new(
        "SC0312", "No TimeGenerated filter", "The query never refers to TimeGenerated although it reads the large table '{0}'",
        DiagnosticSeverity.Warning, Category,
        "Sentinel limits a scheduled rule to its queryPeriod, but a query that never filters or aggregates on TimeGenerated also reads that way " +
        "when copied into hunting or a workbook, and lookups (joins, let subqueries) over it scan the table's whole retention. Filter with " +
        "`where TimeGenerated > ago(...)` on every large table.");

    public static readonly DiagnosticDescriptor SearchAllTables = new(
        "SC0313", "Query over every table", "'{0}' reads every table of the workspace",
        DiagnosticSeverity.Warning, Category,
        "search * and union * scan all tables, which is slow, costly and changes meaning as tables are added. Name the tables: search in (T1, T2) or union T1, T2.");

    public static readonly DiagnosticDescriptor JoinWithoutKind = new(
        "SC0314", "join without kind", "join without kind= is an innerunique join: duplicate left keys are dropped before joining",
        DiagnosticSeverity.Warning, Category,
        "KQL's default join kind is innerunique, unlike SQL's inner join: only one left row per key survives, which silently loses matches in detections. " +
        "State the kind you mean: kind=inner, kind=leftouter, kind=innerunique.");

    public static readonly DiagnosticDescriptor UnsupportedRegex = new(
        "SC0315", "Regular expression the engine cannot run", "The regular expression {0} cannot be run: {1}",
        DiagnosticSeverity.Error, Category,
        "Kusto runs regular expressions with RE2, which has no backreferences (\\1), lookahead or lookbehind ((?=...), (?<=...)), " +
        "atomic groups or conditionals, so that every match takes linear time; the local engine uses .NET's non-backtracking " +
        "engine, which refuses the same constructs. A pattern that is not valid at all is reported too. Rewrite the pattern " +
        "without those constructs (for example, match the repeated text explicitly), or test the condition in KQL.");

    public static readonly DiagnosticDescriptor AsimUnknownParameter = new(
        "SC0330", "Unknown ASIM parser parameter", "The ASIM parser '{0}' has no parameter '{1}'{2}",
        DiagnosticSeverity.Error, Category,
        "ASIM parsers take the filtering parameters their schema documents (starttime, endtime, srcipaddr_has_any_prefix...; " +
        "see docs/asim.md for each schema's list). Sentinel refuses a call that names any other parameter, so the rule fails " +
        "to save. Check the spelling: parameter names are lower case. The parameter-less forms (_ASim_X, ASimX) take only " +
        "disabled and pack; use _Im_X to filter.");

    public static readonly DiagnosticDescriptor AsimArgumentType = new(
        "SC0331", "ASIM parser argument of the wrong type", "The parameter '{0}' of the ASIM parser '{1}' is {2}, not {3}",
        DiagnosticSeverity.Error, Category,
        "Each ASIM filtering parameter has a type: datetime for starttime and endtime, dynamic lists for the *_has_any and " +
        "*_in parameters (dynamic(['10.0.'])), string for eventresult, int for dstportnumber, bool for disabled and pack. " +
        "An argument of another type is refused when the rule is saved.");

    public static readonly DiagnosticDescriptor UndeclaredWatchlist = new(
        "SC0332", "Watchlist the repository does not declare",
        "The watchlist '{0}' is not declared in this repository, so its own columns are not checked; {1}",
        DiagnosticSeverity.Warning, Category,
        "_GetWatchlist('alias') returns the watchlist's standard columns (_DTItemId, LastUpdatedTimeUTC, SearchKey) and " +
        "its items' own columns, which depend on the watchlist. When the repository declares the watchlist " +
        "(watchlists/ALIAS.yaml beside watchlists/ALIAS.csv) the call binds to exactly those columns; otherwise any " +
        "column name the query uses is accepted, as Kusto's binder does for open results, and this warning says how to " +
        "declare it. The workspace may well have the watchlist: it is a warning, never an error.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownTable, UnknownName, UnknownFunction, WrongArgumentCount, WrongArgumentType, AggregateOutsideSummarize, NotTabular, UnknownTableWarning,
        DuplicateColumn, MappedColumnMissing, MappedColumnType, NoTimeFilter, SearchAllTables, JoinWithoutKind, UnknownWorkspaceFunction,
        UnsupportedRegex, AsimUnknownParameter, AsimArgumentType, UndeclaredWatchlist,
    ];
}
