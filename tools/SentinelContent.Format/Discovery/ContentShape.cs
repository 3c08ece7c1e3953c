using System.Text.RegularExpressions;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;

namespace SentinelContent.Format.Discovery;

/// <summary>
/// What a content file looks like from its own fields, whatever folder it lies in: <paramref name="Kind"/>, told by
/// <paramref name="Evidence"/> (the fields that gave it away, for messages) at <paramref name="At"/> (the first of them).
/// </summary>
public sealed record ContentShape(ContentFileKind Kind, string Evidence, LinePosition At);

/// <summary>
/// Recognises a YAML content file by its top-level fields (the formats' required and distinctive fields, as
/// docs/schemas/*.schema.json list them): an analytics rule has a query and a schedule or severity, a playbook a
/// trigger and actions, an automation rule the analytics rules and playbooks it links, a test file its tests (playbook
/// tests mock calls or name a trigger; rule tests give data and a time). A file that looks like none of them, or like
/// two, has no shape, and its folder decides. Only the text is scanned, never parsed, so a file that is not YAML costs
/// nothing here and is reported by the reader that owns its kind.
/// </summary>
public static partial class ContentShapes
{
    private static readonly string[] RuleSchedule = ["queryFrequency", "queryPeriod", "triggerOperator", "severity", "kind"];

    /// <summary>The shape of the file at <paramref name="path"/> (read as content: bounded, inside its repository), or null.</summary>
    public static ContentShape? Of(string path)
    {
        var source = SourceFileReader.ReadContent(path, new List<Diagnostic>());
        return source is null ? null : OfText(source.Content);
    }

    /// <summary>The shape of a content file's text, or null.</summary>
    public static ContentShape? OfText(string text)
    {
        var keys = new Dictionary<string, LinePosition>(StringComparer.Ordinal);
        var nested = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            if (TopLevelKey().Match(line) is { Success: true } top)
            {
                var name = top.Groups["name"].Value;
                keys.TryAdd(name, new LinePosition(lineNumber, 1));
            }
            else if (TestItemKey().Match(line) is { Success: true } item)
            {
                nested.Add(item.Groups["name"].Value);
            }
        }

        var candidates = Candidates(keys, nested).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static IEnumerable<ContentShape> Candidates(Dictionary<string, LinePosition> keys, HashSet<string> nested)
    {
        if (keys.TryGetValue("tests", out var tests))
        {
            if (keys.ContainsKey("trigger") || keys.ContainsKey("playbook") || nested.Contains("mocks"))
                yield return new ContentShape(ContentFileKind.PlaybookTests, "`tests` that mock a playbook's calls", tests);
            else if (nested.Contains("now") || nested.Contains("data") || nested.Contains("replay"))
                yield return new ContentShape(ContentFileKind.RuleTests, "`tests` with a time and data for a rule's query", tests);
            yield break;
        }
        if (keys.TryGetValue("query", out var query) && RuleSchedule.FirstOrDefault(keys.ContainsKey) is { } schedule)
            yield return new ContentShape(ContentFileKind.AnalyticsRule, $"`query` and `{schedule}`", query);
        if (keys.TryGetValue("actions", out var actions) && keys.ContainsKey("trigger"))
            yield return new ContentShape(ContentFileKind.Playbook, "`trigger` and `actions`", actions);
        if (keys.TryGetValue("analyticsRules", out var linked) && keys.ContainsKey("playbooks"))
            yield return new ContentShape(ContentFileKind.AutomationRule, "`analyticsRules` and `playbooks`", linked);
    }

    /// <summary>A field at the start of a line: a plain or quoted name, then a colon ending the line or followed by a space.</summary>
    [GeneratedRegex("""^(?:"(?<name>[^"]+)"|'(?<name>[^']+)'|(?<name>[A-Za-z_$][\w$.-]*))[ \t]*:(?:[ \t]|$)""")]
    private static partial Regex TopLevelKey();

    /// <summary>An indented field that tells rule tests from playbook tests (only read in a file with top-level tests).</summary>
    [GeneratedRegex("""^[ \t]+(?:-[ \t]+)?(?<name>mocks|now|data|replay)[ \t]*:(?:[ \t]|$)""")]
    private static partial Regex TestItemKey();
}
