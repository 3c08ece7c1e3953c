using System.Xml.Linq;
using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Reporting;

/// <summary>
/// JUnit XML, the format CI systems (GitHub Actions, Azure DevOps) show as test results: one test case per
/// file read, failing when the file has errors; warnings go to the case's system-out.
/// </summary>
public sealed class JUnitReporter : IDiagnosticReporter
{
    public void Write(DiagnosticReport report, TextWriter writer)
    {
        var byFile = report.Diagnostics.ToLookup(d => d.Location.Path, StringComparer.Ordinal);
        var files = report.Files.Concat(byFile.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var cases = new List<XElement>();
        foreach (var file in files)
        {
            var diagnostics = byFile[file].ToList();
            var testCase = new XElement("testcase", new XAttribute("classname", report.Command), new XAttribute("name", file));
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                testCase.Add(new XElement("failure",
                    new XAttribute("message", errors[0].Message),
                    new XAttribute("type", errors[0].Code),
                    string.Join('\n', errors.Select(e => e.ToString()))));
            }
            var others = diagnostics.Where(d => d.Severity != DiagnosticSeverity.Error).ToList();
            if (others.Count > 0) testCase.Add(new XElement("system-out", string.Join('\n', others.Select(o => o.ToString()))));
            cases.Add(testCase);
        }

        var failures = cases.Count(c => c.Element("failure") is not null);
        var suite = new XElement("testsuite",
            new XAttribute("name", report.Command),
            new XAttribute("tests", cases.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", 0),
            cases);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", "sentinelctl"), new XAttribute("tests", cases.Count), new XAttribute("failures", failures), suite));
        writer.WriteLine(document.Declaration + Environment.NewLine + document.ToString());
    }
}
