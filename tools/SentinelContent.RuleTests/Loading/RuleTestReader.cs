using System.Globalization;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Format;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Model;
using static SentinelContent.Format.YamlValues;

namespace SentinelContent.RuleTests.Loading;

/// <summary>Reads X.tests.yaml: shape checks from <see cref="RuleTestFormat"/>, then times, data entries and expectations.</summary>
public static class RuleTestReader
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'"];

    /// <summary>The rule a test file belongs to: X.tests.yaml → X.yaml.</summary>
    public static string RulePathFor(string testPath)
    {
        var name = Path.GetFileName(testPath);
        var stem = name[..name.LastIndexOf(".tests.", StringComparison.OrdinalIgnoreCase)];
        var dir = Path.GetDirectoryName(testPath) ?? ".";
        var yml = Path.Combine(dir, stem + ".yml");
        return File.Exists(yml) ? yml : Path.Combine(dir, stem + ".yaml");
    }

    public static RuleTestFile? Read(SourceText source, IList<Diagnostic> diagnostics)
    {
        var root = YamlReader.Read(source, diagnostics);
        if (root is null) return null;
        var before = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, RuleTestFormat.Root, string.Empty);
        if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > before || root is not YamlMapping map) return null;

        var rulePath = RulePathFor(source.Path);
        if (!File.Exists(rulePath))
            diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.RuleMissing, SourceLocation.FileOnly(source.Path) with { Source = source }, Path.GetFileName(rulePath)));

        var folder = Path.GetDirectoryName(Path.GetFullPath(source.Path)) ?? ".";
        var repository = RepositoryRoot.Of(source.Path);
        var tests = new List<RuleTestCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var test in Mappings(map["tests"]))
        {
            var name = Text(test["name"])!.Value;
            if (!names.Add(name.Value)) diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.DuplicateTestName, name.Location, name.Value));
            var now = Time(test["now"], diagnostics);
            var replay = test["replay"] is YamlMapping r ? ReadReplay(r, diagnostics) : null;
            var data = test["data"] is { } d ? ReadData(d, repository, folder, diagnostics) : [];
            var expect = ReadExpectation((YamlMapping)test["expect"]!);
            if (now is { } n) tests.Add(new RuleTestCase(name, n, data, expect, replay, test.Location));
        }
        return new RuleTestFile(source, rulePath, tests);
    }

    public static bool TryParseTime(string text, out DateTime time) =>
        DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);

    /// <summary>The earliest time a test can run at: see <see cref="RuleTestDiagnostics.TimeOutOfRange"/>.</summary>
    public static DateTime EarliestTestTime { get; } = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The time every test runs before: see <see cref="RuleTestDiagnostics.TimeOutOfRange"/>.</summary>
    public static DateTime LatestTestTime { get; } = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Whether a test (or a replay) can run at this time: the rule's windows around it stay real dates.</summary>
    public static bool IsWithinTestRange(DateTime time) => time >= EarliestTestTime && time < LatestTestTime;

    private static Located<DateTime>? Time(YamlNode? node, IList<Diagnostic> diagnostics)
    {
        if (Text(node) is not { } text) return null;
        if (!TryParseTime(text.Value, out var time))
        {
            diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.InvalidTime, text.Location, text.Value));
            return null;
        }
        if (IsWithinTestRange(time)) return new Located<DateTime>(time, text.Location);
        diagnostics.Add(Diagnostic.Create(
            RuleTestDiagnostics.TimeOutOfRange, text.Location, text.Value, Iso(EarliestTestTime), Iso(LatestTestTime.AddSeconds(-1))));
        return null;
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static ReplaySpan? ReadReplay(YamlMapping replay, IList<Diagnostic> diagnostics)
    {
        if (Time(replay["from"], diagnostics) is not { } from || Time(replay["to"], diagnostics) is not { } to) return null;
        if (to.Value > from.Value) return new ReplaySpan(from, to);
        diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.ReplayOrder, to.Location, Text(replay["to"])!.Value.Value, Text(replay["from"])!.Value.Value));
        return null;
    }

    private static IReadOnlyList<TableData> ReadData(YamlNode node, string repository, string folder, IList<Diagnostic> diagnostics)
    {
        if (node is not YamlMapping tables)
        {
            diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.InvalidDataEntry, node.Location, "data is a mapping of table name to a list of entries"));
            return [];
        }
        var result = new List<TableData>();
        foreach (var (key, value) in tables.Entries.Select(e => (e.Key, e.Value)))
        {
            if (value is not YamlSequence entries)
            {
                diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.InvalidDataEntry, value.Location, $"'{key.Value}' must have a list of entries"));
                continue;
            }
            var read = new List<DataEntry>();
            foreach (var entry in entries.Items)
            {
                if (entry is not YamlMapping row)
                {
                    diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.InvalidDataEntry, entry.Location, $"found {entry.KindName}"));
                    continue;
                }
                if (row.Entries.Count == 1 && row.Entries[0].Key.Value == "file")
                {
                    if (Text(row["file"]) is not { } file)
                    {
                        diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.InvalidDataEntry, row.Location, "file needs a path"));
                        continue;
                    }
                    // Test files arrive in pull requests: the sample must stay inside the repository, links included (docs/security.md).
                    string full;
                    try
                    {
                        full = ContainedPath.Resolve(repository, folder, file.Value);
                    }
                    catch (InputFileException refused)
                    {
                        diagnostics.Add(InputDiagnostics.For(refused, file.Location));
                        continue;
                    }
                    if (!File.Exists(full)) diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.SampleFileMissing, file.Location, file.Value, Path.GetFullPath(Path.Combine(folder, file.Value))));
                    else read.Add(new SampleFileEntry(full, file.Location));
                    continue;
                }
                var fields = row.Entries.Select(e => new SampleField(e.Key.Value, YamlToJson.Convert(e.Value))).ToList();
                read.Add(new InlineRowEntry(new SampleRow(fields, row.Location)));
            }
            result.Add(new TableData(new Located<string>(key.Value, key.Location), read));
        }
        return result;
    }

    private static Expectation ReadExpectation(YamlMapping expect) => new(
        Integer(expect["alerts"]),
        Integer(expect["rows"]),
        Integer(expect["incidents"]),
        [.. Mappings(expect["alertDetails"]).Select(ReadAlert)],
        expect.Location);

    private static AlertExpectation ReadAlert(YamlMapping alert) => new(
        Text(alert["displayName"]),
        Text(alert["description"]),
        Text(alert["severity"]),
        alert["tactics"] is YamlSequence ? TextList(alert["tactics"]) : null,
        [.. Mappings(alert["entities"]).Select(e => new EntityExpectation(
            Text(e["type"])?.Value ?? string.Empty,
            e.Entries.Where(x => x.Key.Value != "type" && x.Value is YamlScalar).ToDictionary(x => x.Key.Value, x => ((YamlScalar)x.Value).Value, StringComparer.Ordinal),
            e.Location))],
        alert["customDetails"] is YamlMapping details
            ? [.. details.Entries.Select(d => new CustomDetailExpectation(d.Key.Value, d.Value is YamlSequence ? [.. TextList(d.Value).Select(v => v.Value)] : Text(d.Value) is { } one ? [one.Value] : [], d.Key.Location))]
            : [],
        alert.Location);
}
