namespace SentinelContent.Kql.Binding;

/// <summary>
/// The row an expression is evaluated against: the operator's input columns, the two sides of a
/// join condition ($left/$right), and whether aggregates are allowed (summarize, make-series).
/// </summary>
internal sealed record RowContext(TableSymbol Table, TableSymbol? Left = null, TableSymbol? Right = null, bool Aggregates = false);
