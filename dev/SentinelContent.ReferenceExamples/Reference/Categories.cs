using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SentinelContent.ReferenceExamples.Reference;

/// <summary>
/// Files each page under the category the suite reports a figure for, from where the reference itself files it:
/// the query reference's table of contents (toc.yml) for the section, and the "Scalar function types" page
/// (scalar-functions.md) for a scalar function's family. Categories are slash paths, coarsest first:
/// functions/scalar/&lt;family&gt;, functions/aggregate, functions/window, functions/series, functions/geo,
/// functions/special, operators/tabular, operators/scalar, plugins, graph/..., other/&lt;section&gt;.
/// </summary>
public sealed partial class Categories
{
    private readonly Dictionary<string, string> _byPage;

    private Categories(Dictionary<string, string> byPage) => _byPage = byPage;

    /// <summary>Reads toc.yml and scalar-functions.md from the query folder of a docs checkout.</summary>
    public static Categories Load(string queryFolder)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var toc = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(queryFolder, "toc.yml"))) toc.Load(reader);
        if (toc.Documents.Count > 0 && toc.Documents[0].RootNode is YamlMappingNode root && Child(root, "items") is YamlSequenceNode items)
            Walk(items, [], sections, depth: 0);

        var families = ScalarFamilies(Path.Combine(queryFolder, "scalar-functions.md"));
        var byPage = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (page, trail) in sections) byPage[page] = FromTrail(page, trail, families);
        return new Categories(byPage);
    }

    /// <summary>The category of a page (its path under the query folder, with forward slashes).</summary>
    public string Of(string page) =>
        _byPage.TryGetValue(page, out var category) ? category
        : page.StartsWith("tutorials/", StringComparison.Ordinal) ? "other/tutorials"
        : "other/overview";

    private static void Walk(YamlSequenceNode items, List<string> trail, Dictionary<string, List<string>> sections, int depth)
    {
        if (depth > 16) return;
        foreach (var item in items.OfType<YamlMappingNode>())
        {
            var name = (Child(item, "name") as YamlScalarNode)?.Value ?? string.Empty;
            if (Child(item, "href") is YamlScalarNode { Value: { } href } && href.EndsWith(".md", StringComparison.Ordinal) && !href.StartsWith("../", StringComparison.Ordinal))
                sections.TryAdd(href, [.. trail, name]);
            if (Child(item, "items") is YamlSequenceNode children) Walk(children, [.. trail, name], sections, depth + 1);
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Scalar function page → family, from the "## X functions" sections of the scalar function types page.</summary>
    private static Dictionary<string, string> ScalarFamilies(string path)
    {
        var families = new Dictionary<string, string>(StringComparer.Ordinal);
        string? family = null;
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
                family = FamilyName(line[3..]);
            else if (family is not null)
            {
                foreach (Match link in PageLink().Matches(line)) families.TryAdd(link.Groups[1].Value, family);
            }
        }
        return families;
    }

    /// <summary>"DateTime/timespan functions" → "datetime"; "IPv4 text match functions" → "ip".</summary>
    private static string FamilyName(string heading)
    {
        var name = heading.Replace(" functions", string.Empty, StringComparison.OrdinalIgnoreCase).Trim().ToLowerInvariant();
        return name switch
        {
            "datetime/timespan" => "datetime",
            "dynamic/array" => "dynamic",
            "ipv4/ipv6" or "ipv4 text match" => "ip",
            "series element-wise" or "series processing" => "series",
            "window scalar" => "window",
            _ => name.Replace(' ', '-'),
        };
    }

    private static string FromTrail(string page, List<string> trail, Dictionary<string, string> families)
    {
        var section = trail.Count > 0 ? trail[0] : string.Empty;
        var leaf = trail.Count > 0 ? trail[^1] : string.Empty;
        return section switch
        {
            "Scalar functions" => families.TryGetValue(page, out var family) ? family switch
            {
                "series" => "functions/series",
                "geospatial" => "functions/geo",
                "window" => "functions/window",
                _ => $"functions/scalar/{family}",
            } : "functions/scalar/other",
            "Aggregation functions" => "functions/aggregate",
            "Window functions" => "functions/window",
            "Special functions" => "functions/special",
            "Time series analysis" => page.StartsWith("series-", StringComparison.Ordinal) ? "functions/series"
                : page.EndsWith("-operator.md", StringComparison.Ordinal) ? "operators/tabular" : "other/guides",
            "Geospatial" => page.StartsWith("geo-", StringComparison.Ordinal) ? "functions/geo" : "other/guides",
            "Tabular operators" => "operators/tabular",
            "Scalar operators" => "operators/scalar",
            "Plugins" => "plugins",
            "Graph" => trail.Contains("Operators") ? "graph/operators" : trail.Contains("Functions") ? "graph/functions" : "graph/guides",
            "Query statements" => "other/statements",
            "Data types" => "other/data-types",
            "Entities" => "other/entities",
            "Functions" => "other/user-defined-functions",
            "Reference" => "other/reference",
            "Limits and Errors" => "other/limits",
            _ => leaf.Length == 0 ? "other/overview" : "other/general",
        };
    }

    [GeneratedRegex(@"\]\(([a-z0-9./-]+\.md)\)")]
    private static partial Regex PageLink();
}
