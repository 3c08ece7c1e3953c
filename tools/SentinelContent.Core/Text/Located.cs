namespace SentinelContent.Core.Text;

/// <summary>A value from a content file together with where it was written.</summary>
public readonly record struct Located<T>(T Value, SourceLocation Location)
{
    public override string ToString() => Value?.ToString() ?? string.Empty;
}
