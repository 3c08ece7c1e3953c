using System.Globalization;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>Runs queries on the engine at a fixed time and renders results compactly for assertions.</summary>
internal static class EngineTestSupport
{
    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    public static DataTable Run(string query, IReadOnlyDictionary<string, DataTable>? tables = null) =>
        new KqlEngine().Run(query, tables ?? new Dictionary<string, DataTable>(), Now);

    /// <summary>Column names joined by commas.</summary>
    public static string Columns(DataTable table) => string.Join(",", table.Schema.Columns.Select(c => c.Name));

    /// <summary>Rows as "a|b" lines, values as tostring writes them.</summary>
    public static string[] Rows(DataTable table) =>
        [.. Enumerable.Range(0, table.RowCount).Select(r => string.Join("|", table.Columns.Select(c => c.IsNull(r) ? "null" : ValueText.Of(c, r))))];

    public static string Cell(string query) => Rows(Run(query)).Single();

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
