using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Facade.Diagnostics;

/// <summary>
/// When two findings are the same finding: the same code at the same place (file, start and end), whatever the wording.
/// Two checks that meet one problem (validate reads a sample file, and so does the test runner) report it once.
/// </summary>
public static class DiagnosticIdentity
{
    /// <summary>
    /// The findings of <paramref name="more"/> that <paramref name="known"/> does not already hold. Findings within one
    /// list are never merged: a failed test may report several mismatches at its name, each its own finding.
    /// </summary>
    public static IEnumerable<Diagnostic> NotIn(IEnumerable<Diagnostic> more, IEnumerable<Diagnostic> known)
    {
        var seen = known.Select(KeyOf).ToHashSet();
        return more.Where(d => !seen.Contains(KeyOf(d)));
    }

    /// <summary>Report order: by file, then position, then code.</summary>
    public static IReadOnlyList<Diagnostic> InReportOrder(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Start)
            .ThenBy(d => d.Code, StringComparer.Ordinal),
    ];

    private static (string Code, string Path, Core.Text.LinePosition Start, Core.Text.LinePosition End) KeyOf(Diagnostic d) =>
        (d.Code, d.Location.Path.Length == 0 ? string.Empty : Path.GetFullPath(d.Location.Path), d.Location.Start, d.Location.End);
}
