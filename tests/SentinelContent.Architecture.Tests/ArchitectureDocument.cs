using System.Text.RegularExpressions;
using SentinelContent.TestSupport;

namespace SentinelContent.Architecture.Tests;

/// <summary>
/// The allowed project graph as docs/architecture.md writes it: table rows whose first cell names a project in
/// backticks and whose last cell lists its direct references (projects by short name, packages by id).
/// </summary>
internal static partial class ArchitectureDocument
{
    public const string RelativePath = "docs/architecture.md";

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> AllowedReferences { get; } = Read();

    private static Dictionary<string, IReadOnlySet<string>> Read()
    {
        var rows = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Root, RelativePath)))
        {
            var row = TableRow().Match(line);
            if (!row.Success) continue;
            var cells = line.Trim().Trim('|').Split('|');
            var references = cells[^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => ProjectGraph.Projects.Contains(ProjectGraph.Prefix + r) ? ProjectGraph.Prefix + r : r)
                .ToHashSet(StringComparer.Ordinal);
            if (!rows.TryAdd(row.Groups["name"].Value, references))
                throw new InvalidOperationException($"{RelativePath} lists {row.Groups["name"].Value} twice");
        }
        return rows;
    }

    [GeneratedRegex(@"^\| `(?<name>SentinelContent\.[A-Za-z.]+)` \|")]
    private static partial Regex TableRow();
}
