namespace SentinelContent.Kql.Syntax;

/// <summary>
/// The facts of one query operator: its node kind, the keywords that start it (where and filter, sort and
/// order, take and limit, mv-expand and mv_expand...) and the name=value parameters it declares.
/// </summary>
public sealed record QueryOperatorInfo(SyntaxKind Kind, IReadOnlyList<SyntaxKind> Keywords)
{
    internal OperatorParameter[] Parameters { get; init; } = OperatorParameters.None;

    /// <summary>The operator's keyword as written (the first of its keywords): "where", "sort", "mv-expand".</summary>
    public string Keyword => Keywords.Count == 0 ? Kind.ToString() : KeywordTable.GetText(Keywords[0]);

    /// <summary>The names of the parameters it declares (kind, hint.strategy, withsource...).</summary>
    public IEnumerable<string> ParameterNames => Parameters.Select(p => p.Name);
}

/// <summary>
/// One place for the facts about syntax kinds that the parser, binder and planner each need: which kinds are
/// query operators (and which keywords start them, with which parameters) and which are clauses. A new query
/// operator is one row here (after its <see cref="SyntaxKind"/> member); nothing else derives these facts from
/// names.
/// </summary>
public static class SyntaxFacts
{
    private static QueryOperatorInfo Op(SyntaxKind kind, OperatorParameter[] parameters, params SyntaxKind[] keywords) =>
        new(kind, keywords) { Parameters = parameters };

    private static QueryOperatorInfo Op(SyntaxKind kind, params SyntaxKind[] keywords) => new(kind, keywords);

    /// <summary>Every query operator of the grammar, in <see cref="SyntaxKind"/> order.</summary>
    public static readonly IReadOnlyList<QueryOperatorInfo> QueryOperators =
    [
        Op(SyntaxKind.BadQueryOperator),
        Op(SyntaxKind.AsOperator, OperatorParameters.As, SyntaxKind.AsKeyword),
        Op(SyntaxKind.ConsumeOperator, OperatorParameters.Consume, SyntaxKind.ConsumeKeyword),
        Op(SyntaxKind.CountOperator, SyntaxKind.CountKeyword),
        Op(SyntaxKind.DistinctOperator, OperatorParameters.Distinct, SyntaxKind.DistinctKeyword),
        Op(SyntaxKind.EvaluateOperator, OperatorParameters.Evaluate, SyntaxKind.EvaluateKeyword),
        Op(SyntaxKind.ExecuteAndCacheOperator, SyntaxKind.ExecuteAndCacheKeyword),
        Op(SyntaxKind.ExtendOperator, SyntaxKind.ExtendKeyword),
        Op(SyntaxKind.FacetOperator, SyntaxKind.FacetKeyword),
        Op(SyntaxKind.FilterOperator, SyntaxKind.WhereKeyword, SyntaxKind.FilterKeyword),
        Op(SyntaxKind.FindOperator, OperatorParameters.Find, SyntaxKind.FindKeyword),
        Op(SyntaxKind.ForkOperator, SyntaxKind.ForkKeyword),
        Op(SyntaxKind.GetSchemaOperator, [OperatorParameters.GetSchemaKind], SyntaxKind.GetSchemaKeyword),
        Op(SyntaxKind.InvokeOperator, SyntaxKind.InvokeKeyword),
        Op(SyntaxKind.JoinOperator, OperatorParameters.Join, SyntaxKind.JoinKeyword),
        Op(SyntaxKind.LookupOperator, OperatorParameters.Lookup, SyntaxKind.LookupKeyword),
        Op(SyntaxKind.MakeSeriesOperator, OperatorParameters.MakeSeries, SyntaxKind.MakeSeriesKeyword),
        Op(SyntaxKind.MvExpandOperator, OperatorParameters.MvExpand, SyntaxKind.MvDashExpandKeyword, SyntaxKind.MvExpandKeyword),
        Op(SyntaxKind.MvApplyOperator, OperatorParameters.MvApply, SyntaxKind.MvDashApplyKeyword, SyntaxKind.MvApplyKeyword),
        Op(SyntaxKind.ParseOperator, OperatorParameters.Parse, SyntaxKind.ParseKeyword),
        Op(SyntaxKind.ParseWhereOperator, OperatorParameters.Parse, SyntaxKind.ParseWhereKeyword),
        Op(SyntaxKind.ParseKvOperator, SyntaxKind.ParseKvKeyword),
        Op(SyntaxKind.PartitionOperator, OperatorParameters.Partition, SyntaxKind.PartitionKeyword),
        Op(SyntaxKind.PartitionByOperator, SyntaxKind.PartitionByKeyword),
        Op(SyntaxKind.PrintOperator, SyntaxKind.PrintKeyword),
        Op(SyntaxKind.ProjectOperator, SyntaxKind.ProjectKeyword),
        Op(SyntaxKind.ProjectAwayOperator, SyntaxKind.ProjectAwayKeyword),
        Op(SyntaxKind.ProjectKeepOperator, SyntaxKind.ProjectKeepKeyword),
        Op(SyntaxKind.ProjectRenameOperator, SyntaxKind.ProjectRenameKeyword),
        Op(SyntaxKind.ProjectReorderOperator, SyntaxKind.ProjectReorderKeyword),
        Op(SyntaxKind.ProjectByNamesOperator, SyntaxKind.ProjectByNamesKeyword),
        Op(SyntaxKind.RangeOperator, SyntaxKind.RangeKeyword),
        Op(SyntaxKind.ReduceByOperator, OperatorParameters.Reduce, SyntaxKind.ReduceKeyword),
        Op(SyntaxKind.RenderOperator, SyntaxKind.RenderKeyword),
        Op(SyntaxKind.SampleOperator, SyntaxKind.SampleKeyword),
        Op(SyntaxKind.SampleDistinctOperator, SyntaxKind.SampleDistinctKeyword),
        Op(SyntaxKind.ScanOperator, OperatorParameters.Scan, SyntaxKind.ScanKeyword),
        Op(SyntaxKind.SearchOperator, OperatorParameters.Search, SyntaxKind.SearchKeyword),
        Op(SyntaxKind.SerializeOperator, SyntaxKind.SerializeKeyword),
        Op(SyntaxKind.SortOperator, OperatorParameters.Sort, SyntaxKind.SortKeyword, SyntaxKind.OrderKeyword),
        Op(SyntaxKind.SummarizeOperator, OperatorParameters.Summarize, SyntaxKind.SummarizeKeyword),
        Op(SyntaxKind.TakeOperator, SyntaxKind.TakeKeyword, SyntaxKind.LimitKeyword),
        Op(SyntaxKind.TopOperator, OperatorParameters.Top, SyntaxKind.TopKeyword),
        Op(SyntaxKind.TopHittersOperator, SyntaxKind.TopHittersKeyword),
        Op(SyntaxKind.TopNestedOperator, SyntaxKind.TopNestedKeyword),
        Op(SyntaxKind.UnionOperator, OperatorParameters.Union, SyntaxKind.UnionKeyword),
        Op(SyntaxKind.AssertSchemaOperator, SyntaxKind.AssertSchemaKeyword),
        Op(SyntaxKind.MacroExpandOperator),
    ];

    /// <summary>The clauses of operators and expressions (parts that hold expressions but are not one).</summary>
    private static readonly SyntaxKind[] s_clauseKinds =
    [
        SyntaxKind.CountAsIdentifierClause, SyntaxKind.EvaluateSchemaClause, SyntaxKind.FacetWithOperatorClause,
        SyntaxKind.FacetWithExpressionClause, SyntaxKind.FindInClause, SyntaxKind.FindProjectClause, SyntaxKind.NameEqualsClause,
        SyntaxKind.JoinOnClause, SyntaxKind.JoinWhereClause, SyntaxKind.DefaultExpressionClause, SyntaxKind.MakeSeriesOnClause,
        SyntaxKind.MakeSeriesInRangeClause, SyntaxKind.MakeSeriesFromToStepClause, SyntaxKind.MakeSeriesFromClause,
        SyntaxKind.MakeSeriesToClause, SyntaxKind.MakeSeriesStepClause, SyntaxKind.MakeSeriesByClause, SyntaxKind.ToTypeOfClause,
        SyntaxKind.MvExpandRowLimitClause, SyntaxKind.MvApplyRowLimitClause, SyntaxKind.MvApplyContextIdClause,
        SyntaxKind.ParseKvWithClause, SyntaxKind.PartitionByIdClause, SyntaxKind.ReduceByWithClause, SyntaxKind.RenderWithClause,
        SyntaxKind.ScanOrderByClause, SyntaxKind.ScanPartitionByClause, SyntaxKind.ScanDeclareClause, SyntaxKind.ScanComputationClause,
        SyntaxKind.SummarizeByClause, SyntaxKind.TopHittersByClause, SyntaxKind.TopNestedClause, SyntaxKind.TopNestedWithOthersClause,
        SyntaxKind.DataScopeClause, SyntaxKind.ExternalDataWithClause, SyntaxKind.MaterializedViewCombineClause,
        SyntaxKind.OrderingClause,
    ];

    // The lookups below are arrays indexed by kind: the parser asks them for every node it makes and every operator
    // it starts, and a dictionary lookup there cost the parser about a tenth of its time.
    private static readonly int s_kindCount = Enum.GetValues<SyntaxKind>().Max(k => (int)k) + 1;

    private static readonly QueryOperatorInfo?[] s_byKind = IndexBy(QueryOperators.Select(o => (o.Kind, o)));

    private static readonly QueryOperatorInfo?[] s_byKeyword =
        IndexBy(QueryOperators.SelectMany(o => o.Keywords.Select(k => (k, o))));

    private static readonly bool[] s_isClause = BuildClauseIndex();

    /// <summary>True for the node kinds of query operators (what follows a '|').</summary>
    public static bool IsQueryOperator(SyntaxKind kind) => GetQueryOperator(kind) is not null;

    /// <summary>True for the clause kinds (by-clauses, on-clauses, with-clauses, ...).</summary>
    public static bool IsClause(SyntaxKind kind) => (uint)kind < (uint)s_isClause.Length && s_isClause[(int)kind];

    /// <summary>The facts of a query operator kind, or null when the kind is not one.</summary>
    public static QueryOperatorInfo? GetQueryOperator(SyntaxKind kind) => (uint)kind < (uint)s_byKind.Length ? s_byKind[(int)kind] : null;

    /// <summary>The query operator a keyword starts, or null.</summary>
    public static QueryOperatorInfo? QueryOperatorOfKeyword(SyntaxKind keyword) =>
        (uint)keyword < (uint)s_byKeyword.Length ? s_byKeyword[(int)keyword] : null;

    /// <summary>The parameters an operator kind declares (an empty array for one that declares none).</summary>
    internal static OperatorParameter[] ParametersOf(SyntaxKind operatorKind) => GetQueryOperator(operatorKind)!.Parameters;

    private static QueryOperatorInfo?[] IndexBy(IEnumerable<(SyntaxKind Kind, QueryOperatorInfo Operator)> rows)
    {
        var index = new QueryOperatorInfo?[s_kindCount];
        foreach (var (kind, info) in rows)
        {
            if (index[(int)kind] is not null) throw new InvalidOperationException($"{kind} is in the operator table twice.");
            index[(int)kind] = info;
        }

        return index;
    }

    private static bool[] BuildClauseIndex()
    {
        var index = new bool[s_kindCount];
        foreach (var kind in s_clauseKinds) index[(int)kind] = true;
        return index;
    }
}
