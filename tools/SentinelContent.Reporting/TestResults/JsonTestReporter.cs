using System.Text.Json;

namespace SentinelContent.Reporting.TestResults;

/// <summary>
/// The machine contract of `sentinelctl test`:
/// {"tests":[{"kind","suite","name","file","line","column","status","durationMs","failures":[{"message","expected","actual"}],"output":[...]}],
///  "diagnostics":[as validate's],"summary":{"tests","passed","failed","errors","warnings"}}. Fields are only ever added.
/// </summary>
public sealed class JsonTestReporter : ITestReporter
{
    public void Write(TestReport report, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonReporter.Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("tests");
            foreach (var test in report.Tests)
            {
                json.WriteStartObject();
                json.WriteString("kind", test.Kind);
                json.WriteString("suite", test.Suite);
                json.WriteString("name", test.Name);
                json.WriteString("file", test.Location.Path);
                json.WriteNumber("line", test.Location.Start.Line);
                json.WriteNumber("column", test.Location.Start.Column);
                json.WriteString("status", test.Passed ? "passed" : "failed");
                json.WriteNumber("durationMs", Math.Round(test.Duration.TotalMilliseconds, 3));
                json.WriteStartArray("failures");
                foreach (var failure in test.Failures)
                {
                    json.WriteStartObject();
                    json.WriteString("message", failure.Message);
                    if (failure.Expected is not null) json.WriteString("expected", failure.Expected);
                    if (failure.Actual is not null) json.WriteString("actual", failure.Actual);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("output");
                foreach (var line in test.Output) json.WriteStringValue(line);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var d in report.Problems.Diagnostics) JsonReporter.WriteDiagnostic(json, d);
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("tests", report.Tests.Count);
            json.WriteNumber("passed", report.Passed);
            json.WriteNumber("failed", report.Failed);
            json.WriteNumber("errors", report.Problems.Errors);
            json.WriteNumber("warnings", report.Problems.Warnings);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
