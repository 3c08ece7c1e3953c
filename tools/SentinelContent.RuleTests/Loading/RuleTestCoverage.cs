using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Content.Model;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.RuleTests.Loading;

/// <summary>
/// A rule is tested both ways when the X.tests.yaml beside it has a test expecting alerts and one expecting none
/// (SC0409). Replays count: their alert count is an expectation like any other.
/// </summary>
public static class RuleTestCoverage
{
    /// <summary>The test file beside a rule (X.yaml → X.tests.yaml, or .tests.yml), whether or not it exists.</summary>
    public static string TestPathFor(string rulePath)
    {
        var dir = Path.GetDirectoryName(rulePath) ?? ".";
        var stem = Path.GetFileNameWithoutExtension(rulePath);
        var yml = Path.Combine(dir, stem + ".tests.yml");
        return File.Exists(yml) ? yml : Path.Combine(dir, stem + ".tests.yaml");
    }

    /// <param name="testsFor">The rule's test file if it was already read (validate reads them first), else null to read it here.</param>
    public static void Check(AnalyticsRule rule, RuleTestFile? testsFor, IList<Diagnostic> diagnostics)
    {
        var testPath = TestPathFor(rule.Source.Path);
        var tests = testsFor ?? Read(testPath);
        var positive = tests?.Tests.Any(t => t.Expect.Alerts is { Value: > 0 }) ?? false;
        var negative = tests?.Tests.Any(t => t.Expect.Alerts is { Value: 0 }) ?? false;
        if (positive && negative) return;
        var missing = (positive, negative) switch
        {
            (false, false) => "expecting alerts and none expecting no alert",
            (false, true) => "expecting alerts (expect: { alerts: N } with N > 0)",
            _ => "expecting no alert (expect: { alerts: 0 })",
        };
        var location = rule.Name?.Location ?? rule.Id?.Location ?? SourceLocation.FileOnly(rule.Source.Path) with { Source = rule.Source };
        diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.Untested, location, missing, Path.GetFileName(testPath)));
    }

    /// <summary>Reads a test file for its expectations only; its own problems are reported where it is validated.</summary>
    private static RuleTestFile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        var ignored = new List<Diagnostic>();
        return SourceFileReader.ReadContent(path, ignored) is { } source ? RuleTestReader.Read(source, ignored) : null;
    }
}
