using System.Globalization;

namespace SentinelContent.Reporting.TestResults;

/// <summary>
/// Test results for a person: each failed test with its place, every mismatch with the expected (-) and actual (+)
/// sides, what came out, then the problems in compiler style and the summary line <c>N passed, N failed</c>.
/// Red and green on a terminal, plain in a pipe.
/// </summary>
public sealed class TextTestReporter(bool color) : ITestReporter
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";

    public void Write(TestReport report, TextWriter writer)
    {
        foreach (var test in report.Tests)
        {
            if (test.Passed)
            {
                // A backtest passes with what came out as its result; a plain pass needs no line.
                if (test.Output.Count > 0) writer.WriteLine($"{Paint(Green, "ran")}  {test.Suite} › {test.Name}: {string.Join("; ", test.Output)}");
                continue;
            }
            var at = test.Location;
            writer.WriteLine($"{Paint(Red + Bold, "FAIL")} {Paint(Bold, $"{test.Suite} › {test.Name}")} {Paint(Dim, $"({at.Path}:{at.Start.Line}:{at.Start.Column})")}");
            foreach (var failure in test.Failures)
            {
                writer.WriteLine($"  {failure.Message}");
                if (failure.Expected is null || failure.Actual is null) continue;
                writer.WriteLine($"    {Paint(Red, "- expected: " + failure.Expected)}");
                writer.WriteLine($"    {Paint(Green, "+ actual:   " + failure.Actual)}");
            }
            if (test.Output.Count > 0)
            {
                writer.WriteLine(Paint(Dim, "  what came out:"));
                foreach (var line in test.Output) writer.WriteLine(Paint(Dim, "    " + line));
            }
            writer.WriteLine();
        }

        if (report.Problems.Diagnostics.Count > 0) new TextReporter(color).WriteDiagnostics(report.Problems.Diagnostics, writer);

        var kinds = report.Tests.GroupBy(t => t.Kind).Select(g => $"{g.Count()} {g.Key} test{(g.Count() == 1 ? "" : "s")}");
        var problems = report.Problems.Errors + report.Problems.Warnings > 0 ? $"; {report.Problems.Errors} error(s), {report.Problems.Warnings} warning(s)" : string.Empty;
        var seconds = report.Tests.Sum(t => t.Duration.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture);
        var summary = $"{report.Command}: {report.Passed} passed, {report.Failed} failed ({string.Join(", ", kinds.DefaultIfEmpty("no tests"))}{problems}; {seconds} s of test time)";
        writer.WriteLine(Paint(report.Failed > 0 || report.Problems.Errors > 0 ? Red : Green, summary));
    }

    private string Paint(string colour, string text) => color ? colour + text + Reset : text;
}
