namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// A result as documented: columns as "name" or "name:type" (a type where it is known), rows of cells as printed
/// (null for an empty cell). <paramref name="Ordered"/>: rows compare in order, else as a multiset.
/// <paramref name="SomeColumns"/>: only the named columns are compared, found by name. <paramref name="SomeRows"/>:
/// only some rows are shown, and each must be found.
/// </summary>
internal sealed record ExpectedTable(
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    bool Ordered,
    bool SomeColumns = false,
    bool SomeRows = false);
