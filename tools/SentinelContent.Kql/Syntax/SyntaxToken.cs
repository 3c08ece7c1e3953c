using System.Text;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

/// <summary>
/// A token of the query text with the trivia before it (leading) and after it on the same line
/// (trailing). Tokens refer to the source text by offsets, so they cost no string copies until
/// asked for their text or trivia. A missing token (inserted by error recovery) has no text.
/// </summary>
public sealed class SyntaxToken : SyntaxElement
{
    private readonly string _source;
    private readonly int _fullStart;
    private readonly int _start;
    private readonly int _end;
    private readonly int _fullEnd;
    private IReadOnlyList<SyntaxTrivia>? _leading;
    private IReadOnlyList<SyntaxTrivia>? _trailing;

    internal SyntaxToken(SyntaxKind kind, string source, int fullStart, int start, int end, int fullEnd, bool isMissing = false)
    {
        Kind = kind;
        _source = source;
        _fullStart = fullStart;
        _start = start;
        _end = end;
        _fullEnd = fullEnd;
        IsMissing = isMissing;
    }

    internal static SyntaxToken Missing(SyntaxKind kind, string source, int position) =>
        new(kind, source, position, position, position, position, isMissing: true);

    public override SyntaxKind Kind { get; }

    /// <summary>True when error recovery inserted this token; it has no text.</summary>
    public bool IsMissing { get; }

    public override TextSpan Span => TextSpan.FromBounds(_start, _end);

    public override TextSpan FullSpan => TextSpan.FromBounds(_fullStart, _fullEnd);

    public string Text => _source.Substring(_start, _end - _start);

    internal ReadOnlySpan<char> TextSpanChars => _source.AsSpan(_start, _end - _start);

    public IReadOnlyList<SyntaxTrivia> LeadingTrivia => _leading ??= TriviaSplitter.Split(_source, _fullStart, _start);

    public IReadOnlyList<SyntaxTrivia> TrailingTrivia => _trailing ??= TriviaSplitter.Split(_source, _end, _fullEnd);

    internal bool TextEquals(string text) => TextSpanChars.SequenceEqual(text);

    internal override void WriteTo(StringBuilder builder) => builder.Append(_source, _fullStart, _fullEnd - _fullStart);

    public override string ToString() => Text;
}
