using System.Text.RegularExpressions;
using SentinelContent.TestSupport;

namespace SentinelContent.Architecture.Tests;

/// <summary>
/// C# sources keep to the .editorconfig's max_line_length. Lines that were longer when the rule came in (issue 19)
/// are listed per file in long-lines-baseline.tsv until they are wrapped: a file may lose long lines, never gain them.
/// </summary>
public sealed partial class LineLengthTests
{
    private const string BaselineFile = "long-lines-baseline.tsv";

    [Fact]
    public void No_file_gains_a_line_over_the_editorconfig_limit()
    {
        var limit = MaxLineLength();
        var baseline = Baseline();
        var over = new List<string>();
        foreach (var file in new[] { "tools", "tests", "dev" }.SelectMany(f => SourceFiles.Under(Path.Combine(RepositoryPaths.Root, f))))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace(Path.DirectorySeparatorChar, '/');
            var longLines = File.ReadLines(file).Select((line, i) => (line, number: i + 1)).Where(l => l.line.Length > limit).ToList();
            var allowed = baseline.GetValueOrDefault(relative);
            if (longLines.Count > allowed)
            {
                var numbers = string.Join(", ", longLines.Select(l => l.number));
                over.Add($"{relative}: {longLines.Count} line(s) over {limit} characters ({numbers}), {allowed} allowed by {BaselineFile}");
            }
        }
        Assert.True(over.Count == 0, "wrap these lines (.editorconfig max_line_length):\n" + string.Join("\n", over));
    }

    [Fact]
    public void The_limit_is_140()
    {
        Assert.Equal(140, MaxLineLength());
    }

    /// <summary>max_line_length of the [*.{cs,csx}] section of the repository's .editorconfig.</summary>
    private static int MaxLineLength()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".editorconfig"));
        var section = CsSection().Match(text);
        Assert.True(section.Success, ".editorconfig has no [*.{cs,csx}] section");
        var limit = MaxLength().Match(section.Value);
        Assert.True(limit.Success, ".editorconfig's C# section sets no max_line_length");
        return int.Parse(limit.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, int> Baseline()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "SentinelContent.Architecture.Tests", BaselineFile);
        if (!File.Exists(path)) return [];
        return File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\[\*\.\{cs,csx\}\][^\[]*", RegexOptions.Multiline)]
    private static partial Regex CsSection();

    [GeneratedRegex(@"^max_line_length\s*=\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex MaxLength();
}
