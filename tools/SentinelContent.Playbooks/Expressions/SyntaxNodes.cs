using SentinelContent.Core.Text;

namespace SentinelContent.Playbooks.Expressions;

/// <summary>A node of an expression's syntax tree, with its span in the string value.</summary>
public abstract record ExpressionNode(TextSpan Span);

public sealed record StringLiteral(TextSpan Span, string Value) : ExpressionNode(Span);

public sealed record NumberLiteral(TextSpan Span, string Text) : ExpressionNode(Span);

/// <summary>true, false and null.</summary>
public sealed record KeywordLiteral(TextSpan Span, string Keyword) : ExpressionNode(Span);

public sealed record FunctionCall(TextSpan Span, string Name, TextSpan NameSpan, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode(Span);

/// <summary><c>target.name</c> or <c>target?.name</c>.</summary>
public sealed record MemberAccess(TextSpan Span, ExpressionNode Target, string Name, bool NullSafe) : ExpressionNode(Span);

/// <summary><c>target[index]</c> or <c>target?[index]</c>.</summary>
public sealed record IndexAccess(TextSpan Span, ExpressionNode Target, ExpressionNode Index, bool NullSafe) : ExpressionNode(Span);

/// <summary>A syntax error, with where it is.</summary>
public sealed record ExpressionError(TextSpan Span, string Message);

/// <summary>A part of a string value: literal text, or an expression (the whole value after @, or one @{ }).</summary>
public abstract record TemplatePart;

public sealed record TextPart(string Text) : TemplatePart;

public sealed record ExpressionPart(ExpressionNode Expression) : TemplatePart;

/// <summary>How a string value is evaluated.</summary>
public enum TemplateKind
{
    /// <summary>Plain text (no expression; @@ escapes already removed).</summary>
    Literal,
    /// <summary>"@expr": the value is the expression's result, of any type.</summary>
    Expression,
    /// <summary>"text @{expr} text": always a string.</summary>
    Interpolation,
}

/// <summary>A parsed string value.</summary>
public sealed record Template(TemplateKind Kind, IReadOnlyList<TemplatePart> Parts, IReadOnlyList<ExpressionError> Errors)
{
    public IEnumerable<ExpressionNode> Expressions => Parts.OfType<ExpressionPart>().Select(p => p.Expression);
}
