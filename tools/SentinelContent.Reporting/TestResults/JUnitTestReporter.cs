using System.Globalization;
using System.Xml.Linq;
using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Reporting.TestResults;

/// <summary>
/// JUnit XML for CI test tabs: one test suite per rule or playbook, one test case per test (with its time and, when
/// it failed, every mismatch with both sides); files with errors that kept tests from running are failing cases
/// of a suite named after the command.
/// </summary>
public sealed class JUnitTestReporter : ITestReporter
{
    public void Write(TestReport report, TextWriter writer)
    {
        var suites = new List<XElement>();
        foreach (var group in report.Tests.GroupBy(t => (t.Kind, t.Suite, t.Location.Path)))
        {
            var cases = group.Select(Case).ToList();
            suites.Add(Suite($"{group.Key.Kind}: {group.Key.Suite}", group.Key.Path, cases, group.Sum(t => t.Duration.TotalSeconds)));
        }

        var problemCases = report.Problems.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).GroupBy(d => d.Location.Path, StringComparer.Ordinal)
            .Select(g => new XElement("testcase", new XAttribute("classname", report.Command), new XAttribute("name", g.Key),
                new XElement("failure", new XAttribute("message", g.First().Message), new XAttribute("type", g.First().Code), string.Join('\n', g.Select(d => d.ToString())))))
            .ToList();
        if (problemCases.Count > 0) suites.Add(Suite(report.Command, null, problemCases, 0));

        var tests = suites.Sum(s => (int)s.Attribute("tests")!);
        var failures = suites.Sum(s => (int)s.Attribute("failures")!);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "sentinelctl"), new XAttribute("tests", tests), new XAttribute("failures", failures), suites));
        writer.WriteLine(document.Declaration + Environment.NewLine + document.ToString());
    }

    private static XElement Case(TestResult test)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", test.Suite),
            new XAttribute("name", test.Name),
            new XAttribute("file", test.Location.Path),
            new XAttribute("line", test.Location.Start.Line),
            new XAttribute("time", Seconds(test.Duration.TotalSeconds)));
        if (!test.Passed)
        {
            var body = test.Failures.Select(f => f.Expected is null || f.Actual is null ? f.Message : $"{f.Message}\n  - expected: {f.Expected}\n  + actual:   {f.Actual}")
                .Concat(test.Output.Count > 0 ? ["what came out:", .. test.Output.Select(o => "  " + o)] : []);
            element.Add(new XElement("failure", new XAttribute("message", test.Failures[0].Message), new XAttribute("type", test.Failures[0].Diagnostic.Code), string.Join('\n', body)));
        }
        else if (test.Output.Count > 0)
        {
            element.Add(new XElement("system-out", string.Join('\n', test.Output)));
        }
        return element;
    }

    private static XElement Suite(string name, string? file, List<XElement> cases, double seconds)
    {
        var suite = new XElement("testsuite",
            new XAttribute("name", name),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            new XAttribute("time", Seconds(seconds)));
        if (file is not null) suite.Add(new XAttribute("file", file));
        suite.Add(cases);
        return suite;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
