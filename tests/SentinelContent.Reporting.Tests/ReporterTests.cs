using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.TestSupport;

namespace SentinelContent.Reporting.Tests;

public class ReporterTests
{
    private static readonly DiagnosticDescriptor Bad = new("SC9001", "Bad value", "'{0}' is bad", DiagnosticSeverity.Error, "Test", "Write a good value.");
    private static readonly DiagnosticDescriptor Odd = new("SC9002", "Odd field", "'{0}' is odd", DiagnosticSeverity.Warning, "Test", "Remove it.");

    private static DiagnosticReport SampleReport()
    {
        var source = new SourceText("rules/my rule.yaml", "id: x\nseverity: Meduim\nodd: 1\n");
        var error = Diagnostic.Create(Bad, source.GetLocation(new TextSpan(16, 6)), "Meduim");
        var warning = Diagnostic.Create(Odd, source.GetLocation(new TextSpan(23, 3)), "odd");
        return new DiagnosticReport("validate", [error, warning], ["rules/my rule.yaml", "rules/clean.yaml"], [Bad, Odd]);
    }

    private static string Render(IDiagnosticReporter reporter, DiagnosticReport report)
    {
        var writer = new StringWriter();
        reporter.Write(report, writer);
        return writer.ToString();
    }

    [Fact]
    public void Text_is_compiler_style_with_the_line_and_a_caret()
    {
        var lines = Render(new TextReporter(color: false), SampleReport()).Split('\n');
        Assert.Equal("rules/my rule.yaml:2:11: error SC9001: 'Meduim' is bad", lines[0]);
        Assert.Equal(" 2 | severity: Meduim", lines[1]);
        Assert.Equal("   |           ^~~~~~", lines[2]);
        Assert.StartsWith("rules/my rule.yaml:3:1: warning SC9002", lines[3]);
        Assert.Contains("validate: 2 files checked, 1 error, 1 warning", lines);
    }

    [Fact]
    public void Text_has_colour_only_when_asked()
    {
        Assert.DoesNotContain("\u001b[", Render(new TextReporter(color: false), SampleReport()));
        Assert.Contains("\u001b[31m", Render(new TextReporter(color: true), SampleReport()));
    }

    [Fact]
    public void Json_follows_the_contract()
    {
        using var json = JsonDocument.Parse(Render(new JsonReporter(), SampleReport()));
        var first = json.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("rules/my rule.yaml", first.GetProperty("file").GetString());
        Assert.Equal(2, first.GetProperty("line").GetInt32());
        Assert.Equal(11, first.GetProperty("column").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("SC9001", first.GetProperty("code").GetString());
        Assert.Equal("'Meduim' is bad", first.GetProperty("message").GetString());
        Assert.Equal("warning", json.RootElement.GetProperty("diagnostics")[1].GetProperty("severity").GetString());
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("errors").GetInt32());
        Assert.Equal(1, summary.GetProperty("warnings").GetInt32());
    }

    [Fact]
    public void Junit_has_a_case_per_file_failing_on_errors()
    {
        var xml = XDocument.Parse(Render(new JUnitReporter(), SampleReport()));
        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("2", suite.Attribute("tests")!.Value);
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var cases = suite.Elements("testcase").ToList();
        var failing = Assert.Single(cases, c => c.Element("failure") is not null);
        Assert.Equal("rules/my rule.yaml", failing.Attribute("name")!.Value);
        Assert.Equal("SC9001", failing.Element("failure")!.Attribute("type")!.Value);
        Assert.Contains("SC9002", failing.Element("system-out")!.Value);
        Assert.Contains(cases, c => c.Attribute("name")!.Value == "rules/clean.yaml" && !c.HasElements);
    }

    [Fact]
    public void Sarif_is_valid_against_the_official_schema()
    {
        var sarif = Render(new SarifReporter(), SampleReport());
        var schema = JsonSchema.FromText(File.ReadAllText(SarifSchema.Path()));
        using var document = JsonDocument.Parse(sarif);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, "SARIF not valid: " + JsonSerializer.Serialize(result));

        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(2, rules.GetArrayLength());
        var first = run.GetProperty("results")[0];
        Assert.Equal("SC9001", first.GetProperty("ruleId").GetString());
        Assert.Equal("error", first.GetProperty("level").GetString());
        var location = first.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("rules/my%20rule.yaml", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(2, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(11, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal(17, location.GetProperty("region").GetProperty("endColumn").GetInt32());
    }

    [Fact]
    public void Sarif_schema_check_catches_an_invalid_log()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SarifSchema.Path()));
        using var document = JsonDocument.Parse("""{"version":"2.1.0","runs":[{"results":[]}]}""");
        Assert.False(schema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void Diagnostics_document_lists_every_code_with_its_help()
    {
        var text = DiagnosticsDocument.Render([Bad, Odd]);
        Assert.Contains("### SC9001", text);
        Assert.Contains("Write a good value.", text);
        Assert.Contains("| [SC9002](#sc9002) | warning | Odd field |", text);
    }
}

public class JsonTextTests
{
    [Fact]
    public void Json_messages_keep_quotes_readable()
    {
        var d = new DiagnosticDescriptor("SC9003", "t", "'{0}' is odd", DiagnosticSeverity.Error, "Test", "h");
        var report = new DiagnosticReport("validate", [Diagnostic.Create(d, SourceLocation.FileOnly("a.yaml"), "x")], ["a.yaml"], [d]);
        var writer = new StringWriter();
        new JsonReporter().Write(report, writer);
        Assert.Contains("\"message\": \"'x' is odd\"", writer.ToString());
    }
}
