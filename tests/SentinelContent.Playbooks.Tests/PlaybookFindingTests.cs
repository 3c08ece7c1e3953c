using SentinelContent.Core.Diagnostics;
using SentinelContent.Format.Discovery;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.PlaybookTests;
using SentinelContent.Playbooks.Validation;

namespace SentinelContent.Playbooks.Tests;

/// <summary>
/// The playbook codes no other test raised (issue 19): each from the mistake that causes it, at its line, with the
/// code written out so a search for the code finds its test.
/// </summary>
public sealed class PlaybookFindingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sc-playbooks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Diagnostic Only(string code, string yaml)
    {
        var (_, diagnostics) = PlaybookSource.Check(yaml);
        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got: {PlaybookSource.Codes(diagnostics)}");
        return found[0];
    }

    [Fact]
    public void SC0503_an_action_keyword_with_the_wrong_shape()
    {
        var d = Only("SC0503", PlaybookSource.WithActions("""
              - name: Compose
                compose: 1
                runAfter: 5
            """));
        Assert.Equal(PlaybookDiagnostics.InvalidActionValue, d.Descriptor);
        Assert.Equal("p.yaml:9:15", d.Location.ToString());
        Assert.Contains("runAfter must be a mapping", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SC0508_a_connection_with_an_unknown_field_or_auth()
    {
        var (_, diagnostics) = PlaybookSource.Check("""
            name: Test
            trigger: incident
            connections:
              azuresentinel: {api: azuresentinel, auth: password}
              office365: office365
            actions:
              - name: Compose
                compose: 1
            """);
        var found = diagnostics.Where(d => d.Code == "SC0508").ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Location.Start.Line == 4 && d.Message.Contains("'auth: password' is not valid here",
            StringComparison.Ordinal));
        Assert.Contains(found, d => d.Location.Start.Line == 5 && d.Message.Contains("'office365' must be a mapping",
            StringComparison.Ordinal));
    }

    [Fact]
    public void SC0509_a_parameter_without_a_type_or_with_an_unknown_one()
    {
        var (_, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions("""
              - name: Compose
                compose: "@{parameters('GroupId')}@{parameters('Count')}"
            """, extra: "parameters:\n  GroupId: {defaultValue: x}\n  Count: {type: Integer}"));
        var found = diagnostics.Where(d => d.Code == "SC0509").ToList();
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Message.Contains("the parameter 'GroupId' needs a type", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Message.Contains("'Integer' is not a parameter type", StringComparison.Ordinal));
    }

    [Fact]
    public void SC0518_an_expression_over_8192_characters()
    {
        var longText = new string('a', ExpressionCheck.MaxExpressionLength);
        var d = Only("SC0518", PlaybookSource.WithActions($"""
              - name: Compose
                compose: "@concat('{longText}', 'b')"
            """));
        Assert.Equal(PlaybookDiagnostics.ExpressionTooLong, d.Descriptor);
        Assert.Equal(8, d.Location.Start.Line);
        Assert.Contains("Logic Apps allows at most 8,192", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SC0520_a_variable_initialised_twice()
    {
        var d = Only("SC0520", PlaybookSource.WithActions("""
              - name: First
                initializeVariable: {variables: [{name: count, type: integer, value: 0}]}
              - name: Second
                initializeVariable: {variables: [{name: count, type: integer, value: 1}]}
            """));
        Assert.Equal(PlaybookDiagnostics.DuplicateVariable, d.Descriptor);
        Assert.Equal(10, d.Location.Start.Line);
        Assert.Equal("the variable 'count' is already initialised by 'First'", d.Message);
    }

    [Fact]
    public void SC0524_a_switch_with_more_than_25_cases()
    {
        var cases = string.Join("\n", Enumerable.Range(1, LimitCheck.MaxSwitchCases + 1)
            .Select(i => $"          C{i}: {{case: {i}, actions: [{{name: A{i}, compose: {i}}}]}}"));
        var d = Only("SC0524", PlaybookSource.WithActions($"""
              - name: Route
                switch:
                  on: "@triggerBody()?['object']?['properties']?['incidentNumber']"
                  cases:
            {cases}
            """));
        Assert.Equal(PlaybookDiagnostics.TooManyCases, d.Descriptor);
        Assert.Equal("the switch 'Route' has 26 cases; Logic Apps allows at most 25", d.Message);
    }

    [Fact]
    public void SC0528_a_connection_no_action_uses()
    {
        var d = Only("SC0528", """
            name: Test
            trigger: incident
            connections:
              azuresentinel: {api: azuresentinel}
              office365: {api: office365}
            actions:
              - name: Compose
                compose: 1
            """);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(5, d.Location.Start.Line); // office365; the incident trigger uses azuresentinel
        Assert.Contains("'office365' is declared but no action or trigger uses it", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SC0530_an_automation_rule_naming_what_does_not_exist()
    {
        Write("Enrich.yaml", PlaybookSource.WithActions("""
              - name: Comment
                connector: {connection: azuresentinel, method: post, path: /Incidents/Comment, body: {message: hi}}
            """).Replace("name: Test", "name: Enrich", StringComparison.Ordinal));
        var rule = Write("Run.automation.yaml", """
            id: 9b1c7e52-4d3a-4f0e-8a6b-2e5d1c0f7a93
            displayName: Run the playbooks
            order: 1
            triggersOn: Incidents
            triggersWhen: Created
            analyticsRules:
              - not-a-guid
            playbooks:
              - Enrch
            """);

        var result = PlaybookContentValidator.Validate(Discover(), null);

        var found = result.Diagnostics.Where(d => d.Code == "SC0530").ToList();
        Assert.True(found.Count == 2, string.Join("\n", result.Diagnostics));
        Assert.All(found, d => Assert.Equal(rule, d.Location.Path));
        Assert.Contains(found, d => d.Location.Start.Line == 7 && d.Message.Contains("'not-a-guid' is not an analytics rule id",
            StringComparison.Ordinal));
        Assert.Contains(found, d => d.Location.Start.Line == 9
            && d.Message.Contains("no playbook under playbooks/ is named 'Enrch' (did you mean 'Enrich'?)", StringComparison.Ordinal));
    }

    [Fact]
    public void SC0540_a_playbook_test_without_a_trigger_payload()
    {
        Write("Enrich.yaml", PlaybookSource.WithActions("""
              - name: Comment
                connector: {connection: azuresentinel, method: post, path: /Incidents/Comment, body: {message: hi}}
            """).Replace("name: Test", "name: Enrich", StringComparison.Ordinal));
        var tests = Write("Enrich.tests.yaml", """
            tests:
              - name: comments
                mocks:
                  - connector: azuresentinel POST /Incidents/Comment
                expect:
                  status: Succeeded
            """);

        var run = PlaybookTestRunner.Run([tests]);

        var outcome = Assert.Single(run.Outcomes);
        Assert.False(outcome.Passed);
        var d = Assert.Single(outcome.Failures);
        Assert.Equal("SC0540", d.Code);
        Assert.Equal(2, d.Location.Start.Line);
        Assert.Contains("test 'comments' has no trigger payload", d.Message, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, "playbooks", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private IReadOnlyList<ContentFile> Discover() => ContentDiscovery.Discover([Path.Combine(_folder, "playbooks")], new List<string>());
}
