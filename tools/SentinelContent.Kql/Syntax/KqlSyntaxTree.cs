using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>
/// A parsed query: the root node, the syntax diagnostics, and the text, which the tree reproduces
/// exactly (<see cref="ToFullString"/> == the input, whatever the input).
/// </summary>
public sealed class KqlSyntaxTree
{
    /// <summary>Queries longer than this (in UTF-16 code units) are not parsed; one diagnostic says so.</summary>
    public const int MaxQueryLength = 1024 * 1024;

    private KqlSyntaxTree(string text, SyntaxNode root, IReadOnlyList<KqlDiagnostic> diagnostics)
    {
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
    }

    public string Text { get; }

    /// <summary>The QueryBlock node: the statement list, any skipped text, and the end-of-text token.</summary>
    public SyntaxNode Root { get; }

    /// <summary>Syntax diagnostics ordered by position; spans are offsets into <see cref="Text"/>.</summary>
    public IReadOnlyList<KqlDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Count > 0;

    public static KqlSyntaxTree Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<KqlDiagnostic>();

        if (text.Length > MaxQueryLength)
        {
            diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.QueryTooLong, new TextSpan(0, 0), text.Length, MaxQueryLength));
            return new KqlSyntaxTree(text, UnparsedRoot(text), diagnostics);
        }

        var tokens = Lexer.TokenizeInto(text, out var count);
        SyntaxNode root;
        try
        {
            AddLexicalDiagnostics(text, tokens.AsSpan(0, count), diagnostics);
            root = Parser.ParseQuery(text, tokens, count, diagnostics);
        }
        finally
        {
            System.Buffers.ArrayPool<LexicalToken>.Shared.Return(tokens);
        }

        root = SyntaxDepth.Guard(root, diagnostics);

        // Stable sort: diagnostics at the same offset keep the order the parser found them in.
        IReadOnlyList<KqlDiagnostic> ordered = diagnostics.Count <= 1
            ? diagnostics
            : diagnostics.Select((d, i) => (d, i)).OrderBy(x => x.d.Span.Start).ThenBy(x => x.i).Select(x => x.d).ToArray();
        return new KqlSyntaxTree(text, root, KqlSyntaxDiagnostics.Capped(ordered));
    }

    public string ToFullString() => Root.ToFullString();

    /// <summary>The tree of a text too long to parse: all of it kept as one skipped token.</summary>
    private static SyntaxNode UnparsedRoot(string text)
    {
        var bad = new SyntaxToken(SyntaxKind.BadToken, text, 0, 0, text.Length, text.Length);
        var end = new SyntaxToken(SyntaxKind.EndOfTextToken, text, text.Length, text.Length, text.Length, text.Length);
        var skipped = new SyntaxNode(SyntaxKind.SkippedTokens, [bad], 0);
        var statements = new SyntaxNode(SyntaxKind.StatementList, [], 0);
        return SyntaxNode.Create(SyntaxKind.QueryBlock, [statements, skipped, end], 0);
    }

    private static void AddLexicalDiagnostics(string text, ReadOnlySpan<LexicalToken> tokens, List<KqlDiagnostic> diagnostics)
    {
        foreach (var token in tokens)
        {
            switch (token.Problem)
            {
                case LexicalProblem.UnexpectedCharacter:
                    diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.UnexpectedCharacter, new TextSpan(token.Start, token.Length), text.Substring(token.Start, token.Length)));
                    break;
                case LexicalProblem.UnterminatedSingleQuote:
                    diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.UnterminatedLiteral, new TextSpan(token.End, 0), "quote (')"));
                    break;
                case LexicalProblem.UnterminatedDoubleQuote:
                    diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.UnterminatedLiteral, new TextSpan(token.End, 0), "quote (\")"));
                    break;
                case LexicalProblem.UnterminatedMultiLineString:
                    diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.UnterminatedLiteral, new TextSpan(token.End, 0), "fence (``` or ~~~)"));
                    break;
                case LexicalProblem.UnterminatedParenthesizedLiteral:
                    diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.UnterminatedLiteral, new TextSpan(token.End, 0), "parenthesis ')'"));
                    break;
            }
        }
    }
}
