using System.Text.RegularExpressions;
using SentinelContent.TestSupport;

namespace SentinelContent.Architecture.Tests;

/// <summary>
/// Outside the KQL engine's Syntax/ folder, code reads the syntax tree through typed accessors (BinaryExpression.Right,
/// JoinOperator.On, InExpression.IsNegated...), not by position or token text (issue 19, point 1). The reads that
/// remain from before the rule are counted per file in syntax-reads-baseline.tsv: a file may lose them, never gain
/// them, and a row may not claim more than its file still has (so the list only shrinks).
/// </summary>
public sealed partial class SyntaxReadTests
{
    private const string BaselineFile = "syntax-reads-baseline.tsv";

    private static readonly string Engine = Path.Combine("tools", "SentinelContent.Kql");

    [Fact]
    public void No_file_outside_Syntax_gains_a_positional_or_token_text_read()
    {
        var baseline = Baseline();
        var over = Counts()
            .Where(c => c.Value > baseline.GetValueOrDefault(c.Key))
            .Select(c => $"{c.Key}: {c.Value} read(s) by position or token text, " +
                $"{baseline.GetValueOrDefault(c.Key)} allowed by {BaselineFile}")
            .ToList();
        Assert.True(over.Count == 0,
            "read the tree through typed accessors (add them to the node classes in Syntax/ and their row in SyntaxShapes):\n"
            + string.Join("\n", over));
    }

    [Fact]
    public void The_baseline_claims_no_more_than_remains()
    {
        var counts = Counts();
        var stale = Baseline()
            .Where(row => row.Value > counts.GetValueOrDefault(row.Key))
            .Select(row => $"{row.Key}: {BaselineFile} allows {row.Value}, the file has {counts.GetValueOrDefault(row.Key)}: lower the row")
            .ToList();
        Assert.True(stale.Count == 0, string.Join("\n", stale));
    }

    [Fact]
    public void The_patterns_find_positional_and_token_text_reads()
    {
        // The detector itself, on lines of the shapes it must catch and the ones it must leave alone.
        Assert.Equal(1, Reads("var x = node.Children[2];"));
        Assert.Equal(1, Reads("var left = op.ChildNodes().First(n => n.Kind != SyntaxKind.List);"));
        Assert.Equal(1, Reads("var all = node.ChildNodes().ToArray();"));
        Assert.Equal(1, Reads("var inner = node.ChildNodes().FirstOrDefault();"));
        Assert.Equal(1, Reads("var by = SyntaxHelpers.Child(op, SyntaxKind.SummarizeByClause);"));
        Assert.Equal(1, Reads("var negated = token.Text.StartsWith('!');"));
        Assert.Equal(1, Reads("var text = string.Concat(node.DescendantTokens().Select(t => t.Text));"));
        Assert.Equal(0, Reads("foreach (var child in node.ChildNodes()) Bind(child, row);"));
        Assert.Equal(0, Reads("var right = join.Right;"));
    }

    /// <summary>Reads by position or token text in each C# file of the engine outside Syntax/ (files without any are left out).</summary>
    private static Dictionary<string, int> Counts()
    {
        var root = Path.Combine(RepositoryPaths.Root, Engine);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in SourceFiles.Under(root))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (relative.StartsWith("tools/SentinelContent.Kql/Syntax/", StringComparison.Ordinal)) continue;
            var count = File.ReadLines(file).Sum(Reads);
            if (count > 0) counts[relative] = count;
        }

        Assert.NotEmpty(SourceFiles.Under(root));
        return counts;
    }

    private static int Reads(string line) => PositionalOrTextRead().Matches(line).Count;

    private static Dictionary<string, int> Baseline()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Architecture.Tests", BaselineFile);
        return File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    // A node's raw children, a child node picked by position or searched by kind, a child found by kind through the helper,
    // a token's text or the tokens under a node: each is the tree's shape read outside the classes that describe it.
    [GeneratedRegex(
        @"\.Children\b|\.ChildNodes\(\)\s*\.\s*((First|Last|Single|ElementAt)\w*|ToArray|Skip|Take|Where|Count)\b" +
        @"|SyntaxHelpers\.(Child|FirstList)\(" +
        @"|(?<!System)\.Text\s*(==|!=|is\b|\.\s*(StartsWith|EndsWith|Equals|Contains|ToLower\w*|ToUpper\w*|Trim\w*|Substring|Length))" +
        @"|\.DescendantTokens\(\)|\.GetToken\(")]
    private static partial Regex PositionalOrTextRead();
}
