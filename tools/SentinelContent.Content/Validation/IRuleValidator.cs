using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Content.Model;

namespace SentinelContent.Content.Validation;

/// <summary>A check of one rule on its own. Each validator owns one concern and its diagnostic codes.</summary>
public interface IRuleValidator
{
    void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics);
}

/// <summary>A check across all rules of a run (unique ids).</summary>
public interface IRuleSetValidator
{
    void Validate(IReadOnlyList<AnalyticsRule> rules, IList<Diagnostic> diagnostics);
}

internal static class DiagnosticListExtensions
{
    public static void Report(this IList<Diagnostic> diagnostics, DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
        diagnostics.Add(Diagnostic.Create(descriptor, location, args));
}
