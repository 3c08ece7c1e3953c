namespace SentinelContent.Kql.Syntax;

/// <summary>What a query operator parameter's value may be; decides how the value is parsed.</summary>
internal enum ParameterValueKind
{
    Any,
    ScalarLiteral,
    IntegerLiteral,
    NumericLiteral,
    ForcedRealLiteral,
    StringLiteral,
    BoolLiteral,
    SummableLiteral,
    String,
    Word,
    WordOrNumber,
    NameDeclaration,
    Column,
    ColumnList,
}

/// <summary>A name=value parameter of a query operator, such as kind=inner or hint.strategy=shuffle.</summary>
internal sealed record OperatorParameter(string Name, ParameterValueKind ValueKind, string[]? Values = null, bool HasNoEquals = false, string[]? Aliases = null)
{
    public IReadOnlyList<string> AllowedValues => Values ?? [];
}

/// <summary>
/// The parameters each query operator declares (the facts of the official grammar). Known names
/// of other operators are still accepted, so a misplaced parameter is a semantic problem, not a
/// syntax error, just as in the official parser.
/// </summary>
internal static class OperatorParameters
{
    private static readonly string[] s_strategies = ["auto", "broadcast", "centralized", "shuffle"];
    private static readonly string[] s_concurrency = ["auto", "left", "local", "right", "unresolved"];
    private static readonly string[] s_spread = ["auto", "local"];
    private static readonly string[] s_distribution = ["single", "per_node", "per_shard", "default"];

    private static OperatorParameter P(string name, ParameterValueKind kind, params string[] values) =>
        new(name, kind, values.Length == 0 ? null : values);

    public static readonly OperatorParameter[] AllParameters =
    [
        P("bagexpansion", ParameterValueKind.Word, "bag", "array"),
        P("bin_legacy", ParameterValueKind.Any),
        P("__crossCluster", ParameterValueKind.Any),
        P("__crossDB", ParameterValueKind.Any),
        P("decodeblocks", ParameterValueKind.BoolLiteral),
        P("expandoutput", ParameterValueKind.Any),
        P("hint.concurrency", ParameterValueKind.WordOrNumber, s_concurrency),
        P("hint.distribution", ParameterValueKind.Word, s_distribution),
        P("hint.materialized", ParameterValueKind.BoolLiteral),
        P("hint.num_partitions", ParameterValueKind.IntegerLiteral),
        P("hint.pass_filters", ParameterValueKind.Any),
        P("hint.pass_filters_column", ParameterValueKind.Column),
        P("hint.progressive_top", ParameterValueKind.BoolLiteral),
        P("hint.remote", ParameterValueKind.Word, "auto", "local"),
        P("hint.shufflekey", ParameterValueKind.Column),
        P("hint.spread", ParameterValueKind.WordOrNumber, s_spread),
        P("hint.strategy", ParameterValueKind.Word, s_strategies),
        P("__id", ParameterValueKind.Any),
        new("isfuzzy", ParameterValueKind.BoolLiteral, Aliases: ["__isFuzzy"]),
        P("kind", ParameterValueKind.Word),
        P("__noWithSource", ParameterValueKind.Any),
        P("__packedColumn", ParameterValueKind.Column),
        P("__sourceColumnIndex", ParameterValueKind.Any),
        P("cycles", ParameterValueKind.Word, "none", "all", "unique_edges"),
        P("with_match_id", ParameterValueKind.NameDeclaration),
        P("with_itemindex", ParameterValueKind.NameDeclaration),
        new("withsource", ParameterValueKind.NameDeclaration, Aliases: ["with_source"]),
        P("with_step_name", ParameterValueKind.NameDeclaration),
        P("force_remote", ParameterValueKind.BoolLiteral),
    ];

    public static readonly OperatorParameter[] Join =
    [
        P("kind", ParameterValueKind.Word, "inner", "fullouter", "innerunique", "leftanti", "leftantisemi", "anti", "leftouter", "leftsemi", "rightanti", "rightantisemi", "rightouter", "rightsemi"),
        P("hint.remote", ParameterValueKind.Word, s_concurrency),
        P("hint.shufflekey", ParameterValueKind.Column),
        P("hint.strategy", ParameterValueKind.Word, s_strategies),
        P("hint.num_partitions", ParameterValueKind.IntegerLiteral),
    ];

    public static readonly OperatorParameter[] Union =
    [
        P("kind", ParameterValueKind.Word, "inner", "outer"),
        new("withsource", ParameterValueKind.NameDeclaration, Aliases: ["with_source"]),
        new("isfuzzy", ParameterValueKind.BoolLiteral, Aliases: ["__isFuzzy"]),
        P("best_effort", ParameterValueKind.BoolLiteral),
        P("hint.concurrency", ParameterValueKind.WordOrNumber, s_concurrency),
        P("hint.spread", ParameterValueKind.WordOrNumber, s_spread),
    ];

    public static readonly OperatorParameter[] Summarize =
    [
        P("hint.shufflekey", ParameterValueKind.Column),
        P("hint.strategy", ParameterValueKind.Word, "shuffle"),
        P("hint.num_partitions", ParameterValueKind.IntegerLiteral),
    ];

    public static readonly OperatorParameter[] MvExpand =
    [
        P("kind", ParameterValueKind.Word, "bag", "array"),
        P("bagexpansion", ParameterValueKind.Word, "bag", "array"),
        P("with_itemindex", ParameterValueKind.NameDeclaration),
    ];

    public static readonly OperatorParameter[] MvApply = [P("with_itemindex", ParameterValueKind.NameDeclaration)];

    public static readonly OperatorParameter[] Evaluate =
    [
        P("hint.distribution", ParameterValueKind.Word, s_distribution),
        P("hint.remote", ParameterValueKind.Word, "auto", "local"),
    ];

    public static readonly OperatorParameter[] Parse =
    [
        P("kind", ParameterValueKind.Word, "simple", "regex", "relaxed"),
        P("flags", ParameterValueKind.Word),
    ];

    public static readonly OperatorParameter[] Top = [P("hint.progressive_top", ParameterValueKind.BoolLiteral)];

    public static readonly OperatorParameter[] Sort = [P("hint.strategy", ParameterValueKind.Word, "splitBlock", "multipleBlocks")];

    public static readonly OperatorParameter[] Distinct =
    [
        P("hint.shufflekey", ParameterValueKind.Column),
        P("hint.strategy", ParameterValueKind.Word, s_strategies),
        P("hint.num_partitions", ParameterValueKind.IntegerLiteral),
    ];

    public static readonly OperatorParameter[] Lookup = [P("kind", ParameterValueKind.Word, "inner", "leftouter")];

    public static readonly OperatorParameter[] MakeSeries =
    [
        P("hint.shufflekey", ParameterValueKind.Column),
        P("kind", ParameterValueKind.Word, "nonempty"),
    ];

    public static readonly OperatorParameter[] Search = [P("kind", ParameterValueKind.Word, "default", "case_insensitive", "case_sensitive")];

    public static readonly OperatorParameter[] Find = [new("withsource", ParameterValueKind.NameDeclaration, Aliases: ["with_source"])];

    public static readonly OperatorParameter[] As = [P("hint.materialized", ParameterValueKind.BoolLiteral)];

    public static readonly OperatorParameter[] Partition =
    [
        P("hint.concurrency", ParameterValueKind.WordOrNumber, s_concurrency),
        P("hint.spread", ParameterValueKind.WordOrNumber, s_spread),
        P("hint.materialized", ParameterValueKind.BoolLiteral),
        P("hint.shufflekey", ParameterValueKind.Column),
        P("hint.strategy", ParameterValueKind.Word, "shuffle", "native", "legacy"),
    ];

    public static readonly OperatorParameter[] Reduce = [P("kind", ParameterValueKind.Word, "source")];

    public static readonly OperatorParameter[] ReduceWith =
    [
        P("threshold", ParameterValueKind.NumericLiteral),
        P("characters", ParameterValueKind.StringLiteral),
    ];

    public static readonly OperatorParameter[] RenderWith =
    [
        P("kind", ParameterValueKind.Word, "default", "unstacked", "stacked", "stacked100", "map"),
        P("title", ParameterValueKind.String),
        P("accumulate", ParameterValueKind.BoolLiteral),
        P("xcolumn", ParameterValueKind.Column),
        P("ycolumns", ParameterValueKind.ColumnList),
        P("anomalycolumns", ParameterValueKind.ColumnList),
        P("series", ParameterValueKind.ColumnList),
        P("xtitle", ParameterValueKind.String),
        P("ytitle", ParameterValueKind.String),
        P("xaxis", ParameterValueKind.Word, "linear", "log"),
        P("yaxis", ParameterValueKind.Word, "linear", "log"),
        P("legend", ParameterValueKind.Word, "visible", "hidden"),
        P("ysplit", ParameterValueKind.Word, "none", "axes", "panels"),
        P("ymin", ParameterValueKind.ForcedRealLiteral),
        P("ymax", ParameterValueKind.ForcedRealLiteral),
        P("xmin", ParameterValueKind.ScalarLiteral),
        P("xmax", ParameterValueKind.ScalarLiteral),
    ];

    public static readonly OperatorParameter[] ParseKvWith =
    [
        P("pair_delimiter", ParameterValueKind.StringLiteral),
        P("kv_delimiter", ParameterValueKind.StringLiteral),
        P("regex", ParameterValueKind.StringLiteral),
        P("quote", ParameterValueKind.StringLiteral),
        P("escape", ParameterValueKind.StringLiteral),
        P("greedy", ParameterValueKind.BoolLiteral),
    ];

    public static readonly OperatorParameter[] Scan =
    [
        P("kind", ParameterValueKind.Word, "partial", "full"),
        P("with_match_id", ParameterValueKind.NameDeclaration),
    ];

    public static readonly OperatorParameter[] Consume = [P("decodeblocks", ParameterValueKind.BoolLiteral)];

    public static readonly OperatorParameter[] None = [];

    public static readonly OperatorParameter GetSchemaKind = P("kind", ParameterValueKind.Word, "csl");
    public static readonly OperatorParameter RenderKind = P("kind", ParameterValueKind.Word, "default", "unstacked", "stacked", "stacked100", "map");
    public static readonly OperatorParameter RenderTitle = P("title", ParameterValueKind.String);
    public static readonly OperatorParameter RenderAccumulate = P("accumulate", ParameterValueKind.BoolLiteral);
    public static readonly OperatorParameter RenderWithDeprecated = new("with", ParameterValueKind.StringLiteral, HasNoEquals: true);
    public static readonly OperatorParameter RenderByDeprecated = new("by", ParameterValueKind.ColumnList, HasNoEquals: true);
    public static readonly OperatorParameter ToScalarKind = P("kind", ParameterValueKind.Word, "nooptimization");

    /// <summary>Parameter names recognised anywhere a parameter list is read, beyond an operator's own.</summary>
    public static readonly HashSet<string> KnownNames = BuildKnownNames();

    /// <summary>Known names the lexer splits into several tokens (they are neither identifiers nor keywords).</summary>
    public static readonly string[] MultiTokenNames = [.. KnownNames.Where(n => n.Contains('.') && !IsKeywordText(n))];

    private static readonly Dictionary<string, OperatorParameter> s_defaults = ToMap(AllParameters);

    public static Dictionary<string, OperatorParameter> ToMap(OperatorParameter[] parameters)
    {
        var map = new Dictionary<string, OperatorParameter>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            map[parameter.Name] = parameter;
            foreach (var alias in parameter.Aliases ?? []) map[alias] = parameter;
        }

        return map;
    }

    public static OperatorParameter? Default(string name) => s_defaults.GetValueOrDefault(name);

    private static HashSet<string> BuildKnownNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "__crossCluster", "__crossDB", "__id", "__isFuzzy", "__noWithSource", "__packedColumn", "__sourceColumnIndex",
            "bagexpansion", "bin_legacy", "cycles", "decodeblocks", "expandoutput", "force_remote", "hint.concurrency",
            "hint.distribution", "hint.materialized", "hint.num_partitions", "hint.pass_filters", "hint.pass_filters_column",
            "hint.progressive_top", "hint.remote", "hint.shufflekey", "hint.spread", "hint.strategy", "isfuzzy", "kind",
            "with_itemindex", "with_match_id", "with_source", "with_step_name", "withsource",
        };
        foreach (var parameter in AllParameters)
        {
            names.Add(parameter.Name);
            foreach (var alias in parameter.Aliases ?? []) names.Add(alias);
        }

        return names;
    }

    private static bool IsKeywordText(string text) => KeywordTable.All.Any(k => k.Text == text);
}
