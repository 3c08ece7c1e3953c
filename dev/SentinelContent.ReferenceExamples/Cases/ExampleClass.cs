namespace SentinelContent.ReferenceExamples.Cases;

/// <summary>
/// What the suite does with an example (<see cref="ReferenceExample.Class"/>). Only <see cref="Case"/> counts in the
/// headline figure; <see cref="Nondeterministic"/> runs with a weaker check and has its own figure; the rest are
/// out of scope, each with its reason in the case file, and counted by class in docs/kql-conformance.md.
/// </summary>
public static class ExampleClass
{
    /// <summary>Makes its own rows, binds with Microsoft's binder, and the page shows its output: run and compared.</summary>
    public const string Case = "case";

    /// <summary>A case whose values change from run to run (rand, new_guid, now, sample): run, and its columns and row count compared.</summary>
    public const string Nondeterministic = "nondeterministic";

    /// <summary>Makes its own rows, but the page shows no result (or describes it only in prose).</summary>
    public const string NoOutput = "no-output";

    /// <summary>The page shows the result as a chart or picture (`render`, an image).</summary>
    public const string Chart = "chart";

    /// <summary>Reads tables (or graphs, databases) it does not make: the help cluster's StormEvents, a placeholder T.</summary>
    public const string ReadsTable = "reads-table";

    /// <summary>Needs a cluster: a management command, the cluster's state, an external service or storage.</summary>
    public const string NeedsCluster = "needs-cluster";

    /// <summary>Not a query: a syntax template, a fragment, expressions with their results in comments.</summary>
    public const string NotAQuery = "not-a-query";

    /// <summary>Microsoft's binder rejects it for a reason other than a name it does not define (cited in the reason).</summary>
    public const string BinderError = "binder-error";

    /// <summary>The same query and output as an earlier example of the page (another product's moniker zone).</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The page shows an output that cannot be read as the query's result (columns that are not the query's).</summary>
    public const string UnreadableOutput = "unreadable-output";

    public static IReadOnlyList<string> All { get; } =
        [Case, Nondeterministic, NoOutput, Chart, ReadsTable, NeedsCluster, NotAQuery, BinderError, Duplicate, UnreadableOutput];
}
