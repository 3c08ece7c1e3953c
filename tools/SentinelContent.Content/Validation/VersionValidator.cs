using SentinelContent.Core.Diagnostics;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;

namespace SentinelContent.Content.Validation;

/// <summary>The rule version is three dot-separated numbers (a.b.c), as template versions are.</summary>
public sealed class VersionValidator : IRuleValidator
{
    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        if (rule.Version is { } version && !IsVersion(version.Value))
            diagnostics.Report(RuleDiagnostics.InvalidVersion, version.Location, version.Value);
    }

    public static bool IsVersion(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiDigit));
    }
}
