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
            var pattern = node.Kind switch
            {
                SyntaxKind.BinaryExpression when node.Children.Count == 3 && node.Children[1].Kind == SyntaxKind.MatchesRegexKeyword
                    => node.Children[2] as SyntaxNode,
                SyntaxKind.FunctionCallExpression => CallPattern(node),
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

    private static SyntaxNode? CallPattern(SyntaxNode call)
    {
        var name = SyntaxHelpers.NameText(call.ChildNodes().FirstOrDefault(n => n.Kind == SyntaxKind.NameReference));
        if (name is null) return null;
        var list = SyntaxHelpers.Child(call, SyntaxKind.ExpressionList);
        var arguments = list is null ? [] : SyntaxHelpers.Items(SyntaxHelpers.FirstList(list)).ToArray();
        if (PatternArgument.TryGetValue(name, out var index)) return index < arguments.Length ? arguments[index] : null;
        // countof(text, search, 'regex'): the search is a pattern only with the third argument.
        var regexKind = name == "countof" && arguments.Length > 2 && LiteralValues.TryGet(arguments[2], out var kind) && kind is "regex";
        return regexKind ? arguments[1] : null;
    }
}
