using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Simulator;

namespace SentinelContent.Playbooks.Tests;

public sealed class SimulatorTests
{
    private sealed class World(Func<OutboundCall, CallResponse?> answer) : IOutsideWorld
    {
        public CallResponse? Answer(OutboundCall call) => answer(call);
    }

    private static RunResult Run(string actions, Func<OutboundCall, CallResponse?> answer, string trigger = """{"object":{"id":"inc-1","properties":{"severity":"Low","relatedEntities":[{"kind":"Account","properties":{"aadUserId":"u1"}},{"kind":"Account","properties":{"aadUserId":"u2"}}]}}}""")
    {
        var (playbook, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions(actions));
        Assert.True(playbook is not null && diagnostics.All(d => d.Severity != Core.Diagnostics.DiagnosticSeverity.Error), PlaybookSource.Codes(diagnostics));
        var apis = playbook!.Connections.ToDictionary(c => c.Key, c => c.Api);
        return new WorkflowRunner(playbook.Definition, apis, JsonNode.Parse(trigger), new World(answer), RunOptions.Default).Run();
    }

    [Theory]
    [InlineData("@triggerBody()?['missing']?['deeper']", "null")]
    [InlineData("@equals(true, 1)", "true")]
    [InlineData("@equals(triggerBody()?['missing'], '')", "true")]
    [InlineData("@{triggerBody()?['object']?['properties']?['severity']}-@{length(triggerBody()?['object']?['properties']?['relatedEntities'])}", "\"Low-2\"")]
    [InlineData("@coalesce(null, '', 'x')", "\"\"")]
    [InlineData("@first(split('a,b', ','))", "\"a\"")]
    [InlineData("@toUpper(concat('a', 1, true))", "\"A1TRUE\"")]
    [InlineData("@if(greater(3, 2), 'yes', 'no')", "\"yes\"")]
    [InlineData("@formatDateTime(addHours(utcNow(), 2), 'yyyy-MM-ddTHH:mm')", "\"2026-01-01T02:00\"")]
    public void Expressions_evaluate_with_WDL_semantics(string expression, string expected)
    {
        var result = Run($"  - name: Value\n    compose: \"{expression}\"\n  - name: Echo\n    http: {{method: POST, uri: 'https://echo', body: \"@outputs('Value')\"}}",
            call => new CallResponse(200, null));
        Assert.Equal(expected, result.Calls.Single().Body?.ToJsonString() ?? "null");
    }

    [Fact]
    public void A_missing_property_without_question_mark_fails_the_action()
    {
        var result = Run("  - name: Value\n    compose: \"@triggerBody()['missing']['deeper']\"", _ => null);
        Assert.Equal(WorkflowRunner.Failed, result.Status);
        Assert.Contains("use ?[", Assert.Single(result.Failures).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_call_takes_the_run_after_failed_branch()
    {
        var result = Run("""
              - name: Try
                scope:
                  actions:
                    - name: Call
                      http: {method: GET, uri: "https://graph.microsoft.com/v1.0/users"}
              - name: Next
                compose: ok
              - name: Catch
                runAfter: {Try: [Failed]}
                compose: handled
            """, _ => new CallResponse(403, JsonNode.Parse("""{"error":"denied"}""")));
        Assert.Equal("Failed", result.ActionStatuses["Call"]);
        Assert.Equal("Failed", result.ActionStatuses["Try"]);
        Assert.Equal("Skipped", result.ActionStatuses["Next"]);
        Assert.Equal("Succeeded", result.ActionStatuses["Catch"]);
        Assert.Equal(WorkflowRunner.Failed, result.Status); // the skipped Next branch ends after a failure
    }

    [Fact]
    public void An_unanswered_call_fails_its_action_and_is_recorded()
    {
        var result = Run("  - name: Call\n    http: {method: GET, uri: 'https://example.com/x'}", _ => null);
        Assert.Equal("GET https://example.com/x", Assert.Single(result.UnansweredCalls).ToString());
        Assert.Equal(WorkflowRunner.Failed, result.Status);
    }

    [Fact]
    public void Loops_conditions_switches_and_variables_run_in_order()
    {
        var result = Run("""
              - name: Ids
                initializeVariable: {variables: [{name: ids, type: array}]}
              - name: Loop
                foreach:
                  items: "@triggerBody()?['object']?['properties']?['relatedEntities']"
                  actions:
                    - name: Add
                      appendToArray: {name: ids, value: "@items('Loop')?['properties']?['aadUserId']"}
              - name: Two
                if:
                  expression: {equals: ["@length(variables('ids'))", 2]}
                  actions:
                    - name: Pick
                      switch:
                        expression: "@first(variables('ids'))"
                        cases:
                          First: {case: u1, actions: [{name: Call_u1, http: {method: POST, uri: "https://x/@{first(variables('ids'))}"}}]}
                        default: [{name: Call_other, http: {method: POST, uri: "https://x/other"}}]
                  else: [{name: Never, http: {method: POST, uri: "https://x/never"}}]
            """, _ => new CallResponse(200, null));
        Assert.Equal("POST https://x/u1", Assert.Single(result.Calls).ToString());
        Assert.Equal("Skipped", result.ActionStatuses["Never"]);
        Assert.Equal("Skipped", result.ActionStatuses["Call_other"]);
        Assert.Equal(WorkflowRunner.Succeeded, result.Status);
    }

    [Fact]
    public void Terminate_sets_the_run_status_and_stops_the_run()
    {
        var result = Run("""
              - name: Stop
                terminate: {runStatus: Cancelled}
              - name: After
                runAfter: {Stop: [Succeeded]}
                http: {method: GET, uri: "https://x"}
            """, _ => new CallResponse(200, null));
        Assert.Equal("Cancelled", result.Status);
        Assert.Empty(result.Calls);
    }

    [Fact]
    public void Sentinel_connector_calls_change_the_incident()
    {
        var result = Run("""
              - name: Raise
                connector: {connection: azuresentinel, method: put, path: /Incidents, body: {incidentArmId: x, severity: High, status: Active, tagsToAdd: {TagsToAdd: [{Tag: t1}]}}}
              - name: Comment
                connector: {connection: azuresentinel, method: post, path: /Incidents/Comment, body: {incidentArmId: x, message: hello}}
            """, _ => new CallResponse(200, null));
        Assert.Equal("High", result.Incident.Severity);
        Assert.Equal("Active", result.Incident.Status);
        Assert.Equal(["t1"], result.Incident.Labels);
        Assert.Equal(["hello"], result.Incident.Comments);
        Assert.Equal("azuresentinel POST /Incidents/Comment", result.Calls[1].ToString());
    }

    [Fact]
    public void Until_loops_are_bounded()
    {
        var result = Run("""
              - name: Counter
                initializeVariable: {variables: [{name: n, type: integer, value: 0}]}
              - name: Forever
                until:
                  expression: "@equals(1, 2)"
                  limit: {count: 5}
                  actions: [{name: Step, increment: {name: n}}]
              - name: Report
                http: {method: POST, uri: "https://x/@{variables('n')}"}
            """, _ => new CallResponse(200, null));
        Assert.Equal("POST https://x/5", Assert.Single(result.Calls).ToString());
    }
}
