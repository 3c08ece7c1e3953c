using SentinelContent.Core.Diagnostics;
using SentinelContent.Playbooks.Diagnostics;

namespace SentinelContent.Playbooks.Tests;

/// <summary>Each check reports at the right file, line and column, and clean playbooks stay clean.</summary>
public sealed class PlaybookValidationTests
{
    private static Diagnostic Single(string actions, DiagnosticDescriptor descriptor, string extra = "")
    {
        var (_, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions(actions, extra));
        var found = diagnostics.Where(d => d.Descriptor == descriptor).ToList();
        Assert.True(found.Count == 1, $"expected one {descriptor.Code}, got: {PlaybookSource.Codes(diagnostics)}");
        return found[0];
    }

    [Fact]
    public void A_clean_playbook_has_no_findings()
    {
        var (playbook, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions("""
              - name: Init
                initializeVariable: {variables: [{name: count, type: integer, value: 0}]}
              - name: Loop
                foreach:
                  items: "@triggerBody()?['object']?['properties']?['relatedEntities']"
                  actions:
                    - name: Count
                      increment: {name: count, value: 1}
                operationOptions: Sequential
              - name: Comment
                connector:
                  connection: azuresentinel
                  method: post
                  path: /Incidents/Comment
                  body: {incidentArmId: "@triggerBody()?['object']?['id']", message: "@{variables('count')} entities; loop @{actions('Loop')?['status']}"}
            """));
        Assert.True(diagnostics.Count == 0, PlaybookSource.Codes(diagnostics));
        Assert.NotNull(playbook);
    }

    [Fact]
    public void An_unknown_function_is_reported_at_its_column_with_a_suggestion()
    {
        var d = Single("""
              - name: Compose
                compose: "@{toLowr(triggerBody()?['x'])}"
            """, PlaybookDiagnostics.UnknownFunction);
        Assert.Equal("p.yaml:8:17", d.Location.ToString());
        Assert.Contains("did you mean 'toLower'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Argument_counts_come_from_the_catalog()
    {
        var d = Single("""
              - name: Compose
                compose: "@substring('abc')"
            """, PlaybookDiagnostics.WrongArgumentCount);
        Assert.Contains("'substring' takes 2 to 3 argument(s), not 1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_inside_a_block_scalar_points_into_the_block()
    {
        var d = Single("""
              - name: Compose
                compose: |
                  first line
                  second @{concat('a', 'b'} end
            """, PlaybookDiagnostics.ExpressionSyntax);
        Assert.Equal(10, d.Location.Start.Line);
        Assert.Equal(31, d.Location.Start.Column); // the } where , or ) was expected
    }

    [Fact]
    public void Body_of_an_unknown_action_is_an_error()
    {
        var d = Single("""
              - name: Get_user
                http: {method: GET, uri: "https://graph.microsoft.com/v1.0/me", authentication: {type: ManagedServiceIdentity, audience: "https://graph.microsoft.com"}}
              - name: Use
                compose: "@body('Get_usr')?['id']"
            """, PlaybookDiagnostics.UnknownActionReference);
        Assert.Contains("did you mean 'Get_user'", d.Message, StringComparison.Ordinal);
        Assert.Equal("p.yaml:10:21", d.Location.ToString()); // the quote that opens the name
    }

    [Fact]
    public void Items_needs_an_enclosing_loop_of_that_name()
    {
        Single("""
              - name: Use
                compose: "@items('Loop')"
            """, PlaybookDiagnostics.ItemOutsideLoop);
        Single("""
              - name: Loop
                foreach:
                  items: "@createArray(1, 2)"
                  actions:
                    - name: Inner
                      compose: "@items('Other_loop')"
            """, PlaybookDiagnostics.ItemOutsideLoop);
        Single("""
              - name: Use
                compose: "@item()"
            """, PlaybookDiagnostics.ItemOutsideLoop);
    }

    [Fact]
    public void Variables_must_be_initialised_at_the_top_level_before_use()
    {
        Single("""
              - name: Use
                compose: "@variables('missing')"
            """, PlaybookDiagnostics.UnknownVariable);
        Single("""
              - name: Scope
                scope:
                  actions:
                    - name: Init
                      initializeVariable: {variables: [{name: x, type: string}]}
            """, PlaybookDiagnostics.VariableNotTopLevel);
        var before = Single("""
              - name: Use
                compose: "@variables('late')"
              - name: Init
                runAfter: {}
                initializeVariable: {variables: [{name: late, type: string}]}
            """, PlaybookDiagnostics.UnknownVariable);
        Assert.Contains("does not run after it", before.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_and_connections_must_be_declared()
    {
        Single("""
              - name: Use
                compose: "@parameters('GroupId')"
            """, PlaybookDiagnostics.UnknownParameter);
        var d = Single("""
              - name: Call
                connector: {connection: office365, method: get, path: /x}
            """, PlaybookDiagnostics.UnknownConnection);
        Assert.Equal(8, d.Location.Start.Line);
    }

    [Fact]
    public void RunAfter_targets_statuses_and_cycles_are_checked()
    {
        Single("""
              - name: A
                compose: 1
                runAfter: {Nowhere: [Succeeded]}
            """, PlaybookDiagnostics.UnknownRunAfterTarget);
        var status = Single("""
              - name: A
                compose: 1
              - name: B
                compose: 2
                runAfter: {A: [Failled]}
            """, PlaybookDiagnostics.InvalidRunAfterStatus);
        Assert.Contains("did you mean 'Failed'", status.Message, StringComparison.Ordinal);
        var cycle = Single("""
              - name: A
                compose: 1
                runAfter: {B: [Succeeded]}
              - name: B
                compose: 2
            """, PlaybookDiagnostics.RunAfterCycle);
        Assert.Contains("A → B → A", cycle.Message, StringComparison.Ordinal);
        Single("""
              - name: Scope
                scope:
                  actions:
                    - name: Inner
                      compose: 1
                      runAfter: {Outer: [Succeeded]}
              - name: Outer
                compose: 2
            """, PlaybookDiagnostics.UnknownRunAfterTarget);
    }

    [Fact]
    public void Logic_Apps_limits_are_enforced()
    {
        var nested = "- name: L0\n  scope:\n    actions:\n";
        var indent = "      ";
        for (var i = 1; i <= 9; i++)
        {
            nested += $"{indent}- name: L{i}\n{indent}  scope:\n{indent}    actions:\n";
            indent += "    ";
        }
        nested += $"{indent}- name: Deepest\n{indent}  compose: 1\n";
        var (_, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions(string.Join("\n", nested.Split('\n').Select(l => "  " + l))));
        Assert.Contains(diagnostics, d => d.Descriptor == PlaybookDiagnostics.NestingTooDeep && d.Message.Contains("'L9' is nested 9 levels", StringComparison.Ordinal));

        Single("""
              - name: Loop
                foreach: {items: "@createArray(1)", actions: [{name: Stop, terminate: {runStatus: Failed}}]}
            """, PlaybookDiagnostics.MisplacedAction);
        Single("""
              - name: Loop
                foreach: {items: "@createArray(1)", actions: [{name: X, compose: 1}]}
                runtimeConfiguration: {concurrency: {repetitions: 60}}
            """, PlaybookDiagnostics.InvalidConcurrency);
        Single("""
              - name: Reply
                response: {statusCode: 200}
                kind: Http
            """, PlaybookDiagnostics.MisplacedAction);
    }

    [Fact]
    public void Changing_a_variable_in_a_parallel_loop_is_a_warning()
    {
        var d = Single("""
              - name: Init
                initializeVariable: {variables: [{name: ids, type: array}]}
              - name: Loop
                foreach:
                  items: "@createArray(1, 2)"
                  actions:
                    - name: Add
                      appendToArray: {name: ids, value: "@item()"}
            """, PlaybookDiagnostics.VariableInParallelLoop);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("'Add' changes the variable 'ids' inside the for-each 'Loop'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_actions_are_refused()
    {
        var actions = string.Join("\n", Enumerable.Range(0, 501).Select(i => $"  - name: A{i}\n    compose: {i}"));
        var (_, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions(actions));
        Assert.Contains(diagnostics, d => d.Descriptor == PlaybookDiagnostics.TooManyActions);
    }

    [Fact]
    public void Secrets_written_inline_are_errors_and_secure_parameters_are_fine()
    {
        var header = Single("""
              - name: Call
                http: {method: GET, uri: "https://api.example.com", headers: {Authorization: Bearer eyJhbGciOi.secret}}
            """, PlaybookDiagnostics.InlineSecret);
        Assert.Contains("Authorization", header.Message, StringComparison.Ordinal);
        Single("""
              - name: Call
                http: {method: GET, uri: "https://api.example.com", authentication: {type: Basic, username: svc, password: hunter2}}
            """, PlaybookDiagnostics.InlineSecret);
        Single("""
              - name: Call
                http: {method: GET, uri: "https://api.example.com", headers: {x-api-key: "@parameters('ApiKey')"}}
            """, PlaybookDiagnostics.InlineSecret, "parameters:\n  ApiKey: {type: String, defaultValue: abc123}");
        var (_, clean) = PlaybookSource.Check(PlaybookSource.WithActions("""
              - name: Call
                http: {method: GET, uri: "https://api.example.com", headers: {x-api-key: "@parameters('ApiKey')"}}
            """, "parameters:\n  ApiKey: {type: SecureString}"));
        Assert.DoesNotContain(clean, d => d.Descriptor == PlaybookDiagnostics.InlineSecret);
    }

    [Fact]
    public void Managed_identity_without_audience_is_a_warning()
    {
        var d = Single("""
              - name: Call
                http: {method: POST, uri: "https://graph.microsoft.com/v1.0/users/x/revokeSignInSessions", authentication: {type: ManagedServiceIdentity}}
            """, PlaybookDiagnostics.MissingAudience);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("graph.microsoft.com", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identity_none_with_managed_identity_users_is_an_error()
    {
        var (_, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions("""
              - name: Call
                http: {method: GET, uri: "https://graph.microsoft.com/v1.0/users", authentication: {type: ManagedServiceIdentity, audience: "https://graph.microsoft.com"}}
            """, "identity: none\nroles: [{role: Microsoft Sentinel Responder}]"));
        var found = diagnostics.Where(d => d.Descriptor == PlaybookDiagnostics.IdentityRequired).Select(d => d.Message).ToList();
        Assert.Equal(3, found.Count); // the role, the managed-identity connection and the HTTP action
        Assert.Contains(found, m => m.StartsWith("the HTTP action 'Call'", StringComparison.Ordinal));
    }

    [Fact]
    public void Structure_errors_are_reported_against_the_yaml()
    {
        var (_, diagnostics) = PlaybookSource.Check(PlaybookSource.WithActions("""
              - name: A
                compose: 1
              - name: A
                compose: 2
              - name: Both
                compose: 1
                http: {method: GET, uri: "https://x"}
              - name: Neither
                runAfter: {}
            """));
        Assert.Contains(diagnostics, d => d.Descriptor == PlaybookDiagnostics.DuplicateActionName && d.Location.Start.Line == 9);
        Assert.Equal(2, diagnostics.Count(d => d.Descriptor == PlaybookDiagnostics.ActionKindMissing));
    }

    [Theory]
    [InlineData("trigger: incidnt", "unknown trigger 'incidnt'")]
    [InlineData("trigger: entity", "needs its entity type")]
    [InlineData("trigger: {sentinel: entity}", "needs entityType")]
    public void Triggers_are_checked(string trigger, string message)
    {
        var (_, diagnostics) = PlaybookSource.Check($"name: T\n{trigger}\nactions:\n  - name: A\n    compose: 1\n");
        Assert.Contains(diagnostics, d => d.Descriptor == PlaybookDiagnostics.InvalidTrigger && d.Message.Contains(message, StringComparison.Ordinal));
    }
}
