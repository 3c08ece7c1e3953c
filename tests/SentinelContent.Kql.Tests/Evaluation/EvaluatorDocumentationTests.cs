using SentinelContent.Kql.Evaluation.Aggregates;
using SentinelContent.Kql.Evaluation.Functions;
using SentinelContent.TestSupport;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>docs/kql-evaluator.md names every function the engine implements, so the page stays true as the registries grow.</summary>
public sealed class EvaluatorDocumentationTests
{
    [Fact]
    public void The_evaluator_page_lists_every_implemented_function()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "kql-evaluator.md"));
        var missing = ScalarFunctions.Names.Concat(AggregateFunctions.Names).Where(name => !page.Contains($"`{name}`", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "docs/kql-evaluator.md does not list: " + string.Join(", ", missing));
    }
}
