using SentinelContent.Core.Diagnostics;
using SentinelContent.Content.Model;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Content.Validation;

/// <summary>
/// The rule's KQL through the engine's parser. Diagnostics come back as offsets in the query text and are
/// mapped through the YAML block scalar to the rule file's own line and column.
/// </summary>
public sealed class QuerySyntaxValidator : IRuleValidator
{
    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        if (rule.Query is not { } query || string.IsNullOrWhiteSpace(query.Value)) return;
        var tree = KqlSyntaxTree.Parse(query.Value);
        foreach (var problem in tree.Diagnostics)
        {
            diagnostics.Add(new Diagnostic(problem.Descriptor, problem.Severity, problem.Message, query.LocationOf(problem.Span)));
        }
    }
}
