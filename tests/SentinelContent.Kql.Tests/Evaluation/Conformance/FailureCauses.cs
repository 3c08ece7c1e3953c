using System.Text.RegularExpressions;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// Names why a case fails, from what the run reported, so the gap list and the summary in docs/kql-conformance.md
/// group failures by what there is to implement or fix: "not implemented: the function series_fir()", "our
/// binder: SC0301 ...", "wrong values", "wrong columns"... A reason is its cause, then " — " and the detail where
/// the cause alone does not say what differs.
/// </summary>
internal static partial class FailureCauses
{
    public const string Separator = " — ";

    private const int MaxReason = 300;

    public static string Reason(string detail)
    {
        var reason = detail switch
        {
            _ when Unsupported().Match(detail) is { Success: true } m => "not implemented: " + m.Groups[1].Value,
            _ when detail.StartsWith("error: SC02", StringComparison.Ordinal) && ParsedAt().Match(detail) is { Success: true } at =>
                $"our parser rejects '{at.Groups[1].Value}'" + Separator + detail["error: ".Length..],
            _ when detail.StartsWith("error: SC02", StringComparison.Ordinal) => "our parser rejects it" + Separator + detail["error: ".Length..],
            _ when detail.StartsWith("error: SC03", StringComparison.Ordinal) => "our binder rejects it" + Separator + detail["error: ".Length..],
            _ when detail.StartsWith("error: SC0803", StringComparison.Ordinal) => "time limit",
            _ when detail.StartsWith("error: ", StringComparison.Ordinal) => "run-time error" + Separator + detail["error: ".Length..],
            _ when detail.StartsWith("crash: ", StringComparison.Ordinal) => "engine crash" + Separator + detail["crash: ".Length..],
            _ when detail.StartsWith("several results", StringComparison.Ordinal) => detail,
            _ when detail.StartsWith("columns ", StringComparison.Ordinal) => "wrong columns" + Separator + detail,
            _ when RowCount().IsMatch(detail) => "wrong row count" + Separator + detail,
            _ => "wrong values" + Separator + detail,
        };
        return reason.Length <= MaxReason ? reason : reason[..(MaxReason - 3)] + "...";
    }

    /// <summary>The cause alone, for grouping: the reason up to its detail.</summary>
    public static string Cause(string reason)
    {
        var at = reason.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? reason : reason[..at];
    }

    /// <summary>The word at (or after) an offset of a query, for naming where a syntax error is.</summary>
    public static string WordAt(string query, int offset)
    {
        var match = Word().Match(query, Math.Clamp(offset, 0, query.Length));
        return match.Success ? match.Value : "the end";
    }

    [GeneratedRegex(@"[A-Za-z_][\w-]*|[^\s]")]
    private static partial Regex Word();

    [GeneratedRegex(@"^error: SC02\d\d [^;]*\(at '([^']*)'\)")]
    private static partial Regex ParsedAt();

    [GeneratedRegex(@"^error: SC0801 the local engine does not support (.*?)(;|$)")]
    private static partial Regex Unsupported();

    [GeneratedRegex(@"^\d+ rows, expected")]
    private static partial Regex RowCount();
}
