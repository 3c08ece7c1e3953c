using SentinelContent.Format.Discovery;
using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Running;

namespace SentinelContent.Facade.TestRuns;

/// <summary>Which tests to run: those of the files (test files, or rules whose test file is beside them), as the options select.</summary>
public sealed record TestRunRequest(IReadOnlyList<ContentFile> Files)
{
    /// <summary>Tables outside the built-in catalog (--schema files).</summary>
    public SchemaCatalog? Schemas { get; init; }

    /// <summary>The name filter, a replay span instead of the expectations, and how many tests run at once.</summary>
    public RuleTestSuiteOptions Options { get; init; } = RuleTestSuiteOptions.Default;

    /// <summary>The bounds of each query run (--max-memory); the engine's defaults when null.</summary>
    public Kql.Evaluation.EvaluationLimits? Limits { get; init; }
}
