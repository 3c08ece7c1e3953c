using System.Text.Json.Nodes;
using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Data.Loading;

/// <summary>One field of a sample row: a JSON value, or raw text from CSV (typed later by the column).</summary>
public sealed record SampleField(string Name, JsonNode? Value, string? Text = null)
{
    public bool IsText => Text is not null;
}

/// <summary>A row as written in a sample, with where it was written so type errors name the line.</summary>
public sealed record SampleRow(IReadOnlyList<SampleField> Fields, SourceLocation Location);
