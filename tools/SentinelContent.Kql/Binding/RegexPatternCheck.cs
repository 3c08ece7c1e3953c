using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// Literal regular expressions checked when a query is bound, so `validate` and `kql check` refuse a pattern the engine
/// cannot run (a backreference, lookaround: issue 24, D6) instead of the query failing on the first row. Patterns
/// computed at run time are checked when they run (SC0804).
/// </summary>
internal static class RegexPatternCheck
{
    /// <summary>The functions that take a regular expression, and which argument it is.</summary>
    private static readonly Dictionary<string, int> PatternArgument = new(StringComparer.Ordinal)
    {
        ["extract"] = 0, ["extract_all"] = 0, ["replace"] = 0, ["trim"] = 0, ["trim_start"] = 0, ["trim_end"] = 0,
        ["replace_regex"] = 1, ["indexof_regex"] = 1,
    };

    public static IEnumerable<KqlDiagnostic> Check(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            var pattern = node switch
            {
                BinaryExpression { Operator.Kind: SyntaxKind.MatchesRegexKeyword } matches => matches.Right,
                FunctionCallExpression call => CallPattern(call),
                _ => null,
            };
            if (pattern is null || !LiteralValues.TryGet(pattern, out var value) || value is not string text) continue;
            if (RegexCache.Problem(text) is { } problem)
            {
                var written = pattern.ToFullString().Trim();
                yield return KqlDiagnostic.Create(KqlSemanticDiagnostics.UnsupportedRegex, pattern.Span, written, problem);
            }
        }
    }

    private static SyntaxNode? CallPattern(FunctionCallExpression call)
    {
        var name = call.Name;
        var arguments = call.Arguments;
        if (PatternArgument.TryGetValue(name, out var index)) return index < arguments.Count ? arguments[index] : null;
        // countof(text, search, 'regex'): the search is a pattern only with the third argument.
        var regexKind = name == "countof" && arguments.Count > 2 && LiteralValues.TryGet(arguments[2], out var kind) && kind is "regex";
        return regexKind ? arguments[1] : null;
    }
}
