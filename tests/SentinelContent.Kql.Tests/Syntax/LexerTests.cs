using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>The lexer, seen through the tree's tokens: every token kind, literal forms and trivia.</summary>
public sealed class LexerTests
{
    private static List<SyntaxToken> Tokens(string text) =>
        [.. KqlSyntaxTree.Parse(text).Root.DescendantTokens().Where(t => !t.IsMissing && t.Kind != SyntaxKind.EndOfTextToken)];

    private static SyntaxKind SingleKind(string text)
    {
        var tokens = Tokens(text);
        Assert.True(tokens.Count == 1, $"'{text}' gave {tokens.Count} tokens: {string.Join(" ", tokens.Select(t => t.Kind))}");
        return tokens[0].Kind;
    }

    [Theory]
    [InlineData("(", SyntaxKind.OpenParenToken)]
    [InlineData(")", SyntaxKind.CloseParenToken)]
    [InlineData("[", SyntaxKind.OpenBracketToken)]
    [InlineData("]", SyntaxKind.CloseBracketToken)]
    [InlineData("{", SyntaxKind.OpenBraceToken)]
    [InlineData("}", SyntaxKind.CloseBraceToken)]
    [InlineData("|", SyntaxKind.BarToken)]
    [InlineData("<|", SyntaxKind.LessThanBarToken)]
    [InlineData("+", SyntaxKind.PlusToken)]
    [InlineData("-", SyntaxKind.MinusToken)]
    [InlineData("*", SyntaxKind.AsteriskToken)]
    [InlineData("/", SyntaxKind.SlashToken)]
    [InlineData("%", SyntaxKind.PercentToken)]
    [InlineData(".", SyntaxKind.DotToken)]
    [InlineData("..", SyntaxKind.DotDotToken)]
    [InlineData("!", SyntaxKind.BangToken)]
    [InlineData("<", SyntaxKind.LessThanToken)]
    [InlineData("<=", SyntaxKind.LessThanOrEqualToken)]
    [InlineData(">", SyntaxKind.GreaterThanToken)]
    [InlineData(">=", SyntaxKind.GreaterThanOrEqualToken)]
    [InlineData("=", SyntaxKind.EqualToken)]
    [InlineData("==", SyntaxKind.EqualEqualToken)]
    [InlineData("!=", SyntaxKind.BangEqualToken)]
    [InlineData("<>", SyntaxKind.LessThanGreaterThanToken)]
    [InlineData(":", SyntaxKind.ColonToken)]
    [InlineData(";", SyntaxKind.SemicolonToken)]
    [InlineData(",", SyntaxKind.CommaToken)]
    [InlineData("=~", SyntaxKind.EqualTildeToken)]
    [InlineData("!~", SyntaxKind.BangTildeToken)]
    [InlineData("@", SyntaxKind.AtToken)]
    [InlineData("?", SyntaxKind.QuestionToken)]
    [InlineData("=>", SyntaxKind.FatArrowToken)]
    [InlineData("#connect", SyntaxKind.DirectiveToken)]
    [InlineData("\\", SyntaxKind.BadToken)]
    public void Punctuation_and_operators(string text, SyntaxKind kind) => Assert.Equal(kind, SingleKind(text));

    [Theory]
    [InlineData("where", SyntaxKind.WhereKeyword)]
    [InlineData("project-away", SyntaxKind.ProjectAwayKeyword)]
    [InlineData("project-keep", SyntaxKind.ProjectKeepKeyword)]
    [InlineData("mv-expand", SyntaxKind.MvDashExpandKeyword)]
    [InlineData("make-series", SyntaxKind.MakeSeriesKeyword)]
    [InlineData("!has", SyntaxKind.NotHasKeyword)]
    [InlineData("!contains_cs", SyntaxKind.NotBangContainsCsKeyword)]
    [InlineData("has_any", SyntaxKind.HasAnyKeyword)]
    [InlineData("has_all", SyntaxKind.HasAllKeyword)]
    [InlineData("in~", SyntaxKind.InCsKeyword)]
    [InlineData("!in~", SyntaxKind.NotInCsKeyword)]
    [InlineData("!between", SyntaxKind.NotBetweenKeyword)]
    [InlineData("matches regex", SyntaxKind.MatchesRegexKeyword)]
    [InlineData("hint.strategy", SyntaxKind.HintDotStrategyKeyword)]
    [InlineData("count", SyntaxKind.CountKeyword)]
    public void Keywords_match_by_longest_prefix(string text, SyntaxKind kind) => Assert.Equal(kind, SingleKind(text));

    [Theory]
    [InlineData("Where")] // keywords are case-sensitive
    [InlineData("wherever")]
    [InlineData("$left")]
    [InlineData("_private")]
    [InlineData("tolower")]
    [InlineData("1abc")]
    public void Identifiers(string text) => Assert.Equal(SyntaxKind.IdentifierToken, SingleKind(text));

    [Theory]
    [InlineData("42", SyntaxKind.LongLiteralToken)]
    [InlineData("0x1F", SyntaxKind.LongLiteralToken)]
    [InlineData("1.5", SyntaxKind.RealLiteralToken)]
    [InlineData("1e5", SyntaxKind.RealLiteralToken)]
    [InlineData("2.5e-3", SyntaxKind.RealLiteralToken)]
    [InlineData("1d", SyntaxKind.TimespanLiteralToken)]
    [InlineData("5m", SyntaxKind.TimespanLiteralToken)]
    [InlineData("10s", SyntaxKind.TimespanLiteralToken)]
    [InlineData("100ms", SyntaxKind.TimespanLiteralToken)]
    [InlineData("1tick", SyntaxKind.TimespanLiteralToken)]
    [InlineData("1.5h", SyntaxKind.TimespanLiteralToken)]
    [InlineData("3microseconds", SyntaxKind.TimespanLiteralToken)]
    [InlineData("true", SyntaxKind.BooleanLiteralToken)]
    [InlineData("FALSE", SyntaxKind.BooleanLiteralToken)]
    [InlineData("datetime(2024-01-01 10:00)", SyntaxKind.DateTimeLiteralToken)]
    [InlineData("date(2024-01-01)", SyntaxKind.DateTimeLiteralToken)]
    [InlineData("timespan(1.02:03:04)", SyntaxKind.TimespanLiteralToken)]
    [InlineData("time(2h)", SyntaxKind.TimespanLiteralToken)]
    [InlineData("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)", SyntaxKind.GuidLiteralToken)]
    [InlineData("long(1)", SyntaxKind.LongLiteralToken)]
    [InlineData("int(1)", SyntaxKind.IntLiteralToken)]
    [InlineData("real(1.5)", SyntaxKind.RealLiteralToken)]
    [InlineData("double(1.5)", SyntaxKind.RealLiteralToken)]
    [InlineData("decimal(1.5)", SyntaxKind.DecimalLiteralToken)]
    [InlineData("bool(true)", SyntaxKind.BooleanLiteralToken)]
    [InlineData("74be27de-1e4e-49d9-b579-fe0b331d3642", SyntaxKind.RawGuidLiteralToken)]
    public void Literal_forms(string text, SyntaxKind kind) => Assert.Equal(kind, SingleKind(text));

    [Theory]
    [InlineData("\"double\"")]
    [InlineData("'single'")]
    [InlineData("\"escapes \\\" \\\\ \\n \\u00e9 \\x41 \\101\"")]
    [InlineData("@\"C:\\verbatim \"\"quoted\"\"\"")]
    [InlineData("@'verbatim'")]
    [InlineData("h\"hidden\"")]
    [InlineData("H'hidden'")]
    [InlineData("h@\"hidden verbatim\"")]
    [InlineData("```multi\nline```")]
    [InlineData("~~~multi\nline~~~")]
    public void String_literal_forms(string text) => Assert.Equal(SyntaxKind.StringLiteralToken, SingleKind(text));

    [Fact]
    public void Unterminated_string_reports_the_missing_quote_at_its_end()
    {
        var tree = KqlSyntaxTree.Parse("print \"abc");
        var diagnostic = Assert.Single(tree.Diagnostics);
        Assert.Equal("SC0202", diagnostic.Code);
        Assert.Equal(10, diagnostic.Span.Start);
    }

    [Fact]
    public void Invalid_escape_ends_the_string_like_the_official_lexer()
    {
        // "\d" is not an escape: the string stops before it, so the quote is missing and '\' is unexpected.
        var tree = KqlSyntaxTree.Parse("print \"a\\d\"");
        Assert.Equal("SC0202", tree.Diagnostics[0].Code);
        Assert.Contains(tree.Diagnostics, d => d.Code == "SC0201");
    }

    [Fact]
    public void Trivia_is_split_into_leading_and_trailing_pieces()
    {
        var tokens = Tokens("// head\nT  // tail\n  | take 1");
        var table = tokens[0];
        Assert.Equal("T", table.Text);
        Assert.Equal([SyntaxKind.CommentTrivia, SyntaxKind.EndOfLineTrivia], table.LeadingTrivia.Select(t => t.Kind));
        Assert.Equal([SyntaxKind.WhitespaceTrivia, SyntaxKind.CommentTrivia, SyntaxKind.EndOfLineTrivia], table.TrailingTrivia.Select(t => t.Kind));
        Assert.Equal("// tail", table.TrailingTrivia[1].Text);
        var bar = tokens[1];
        Assert.Equal(SyntaxKind.BarToken, bar.Kind);
        Assert.Equal("  ", Assert.Single(bar.LeadingTrivia).Text);
    }

    [Fact]
    public void Crlf_line_breaks_are_one_trivia_piece()
    {
        var tokens = Tokens("T\r\n| take 1");
        Assert.Equal("\r\n", Assert.Single(tokens[0].TrailingTrivia).Text);
    }

    [Theory]
    [InlineData("\u200b")] // zero-width space
    [InlineData("\ufeff")] // byte order mark
    [InlineData("\u00a0")] // no-break space
    [InlineData("\u3000")] // ideographic space
    public void Unicode_spaces_of_the_official_list_are_trivia(string space)
    {
        var tokens = Tokens($"print{space}1");
        Assert.Equal([SyntaxKind.PrintKeyword, SyntaxKind.LongLiteralToken], tokens.Select(t => t.Kind));
    }

    [Theory]
    [InlineData("\u000b")] // vertical tab is not whitespace in KQL
    [InlineData("\u2028")] // a line separator ends comments and strings but is not whitespace
    [InlineData("\u00e9")] // names are ASCII
    public void Other_characters_are_bad_tokens(string character)
    {
        var tokens = Tokens($"print x{character}1");
        Assert.Contains(tokens, t => t.Kind == SyntaxKind.BadToken && t.Text == character);
    }

    [Fact]
    public void A_directive_runs_to_the_end_of_its_line()
    {
        var tokens = Tokens("#connect cluster('x')\nT");
        Assert.Equal("#connect cluster('x')", tokens[0].Text);
        Assert.Equal(SyntaxKind.DirectiveToken, tokens[0].Kind);
        Assert.Empty(KqlSyntaxTree.Parse("#connect cluster('x')\nT").Diagnostics);
    }

    [Fact]
    public void A_wildcard_name_is_several_adjacent_tokens()
    {
        var tokens = Tokens("Col*");
        Assert.Equal([SyntaxKind.IdentifierToken, SyntaxKind.AsteriskToken], tokens.Select(t => t.Kind));
    }
}
