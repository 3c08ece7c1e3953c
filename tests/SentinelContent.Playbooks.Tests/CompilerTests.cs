using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Import;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Tests;

public sealed class CompilerTests
{
    private const string Yaml = """
        name: Demo
        trigger: incident
        connections:
          azuresentinel: {api: azuresentinel, auth: managedIdentity}
          office365: {auth: consent}
        roles:
          - role: Microsoft Sentinel Responder
        graphPermissions: [User.RevokeSessions.All]
        actions:
          - name: Revoke
            http:
              method: POST
              uri: "https://graph.microsoft.com/v1.0/users/x/revokeSignInSessions"
              authentication: {type: ManagedServiceIdentity, audience: "https://graph.microsoft.com"}
          - name: Comment
            connector: {connection: azuresentinel, method: post, path: /Incidents/Comment, body: {message: done}}
          - name: On_failure
            runAfter: {Revoke: [Failed]}
            connector: {connection: azuresentinel, method: post, path: /Incidents/Comment, body: {message: failed}}
          - name: Mail
            runAfter: [Comment]
            connector: {connection: office365, method: post, path: /v2/Mail, body: {To: soc@contoso.com}}
        """;

    private static Model.Playbook Compile()
    {
        var (playbook, diagnostics) = PlaybookSource.Check(Yaml);
        Assert.True(diagnostics.Count == 0, PlaybookSource.Codes(diagnostics));
        return playbook!;
    }

    [Fact]
    public void The_definition_has_the_Logic_Apps_shape()
    {
        var definition = Compile().Definition;
        Assert.Equal(WorkflowNames.DefinitionSchema, definition["$schema"]!.GetValue<string>());
        var trigger = definition["triggers"]!["Microsoft_Sentinel_incident"]!;
        Assert.Equal("ApiConnectionWebhook", trigger["type"]!.GetValue<string>());
        Assert.Equal("/incident-creation", trigger["inputs"]!["path"]!.GetValue<string>());
        Assert.Equal("@{listCallbackUrl()}", trigger["inputs"]!["body"]!["callback_url"]!.GetValue<string>());

        var actions = definition["actions"]!.AsObject();
        Assert.Empty(actions["Revoke"]!["runAfter"]!.AsObject());
        Assert.Null(JsonEquivalence.FirstDifference(JsonNode.Parse("""{"Revoke":["Succeeded"]}"""), actions["Comment"]!["runAfter"]));
        Assert.Null(JsonEquivalence.FirstDifference(JsonNode.Parse("""{"Revoke":["Failed"]}"""), actions["On_failure"]!["runAfter"]));
        Assert.Null(JsonEquivalence.FirstDifference(JsonNode.Parse("""{"Comment":["Succeeded"]}"""), actions["Mail"]!["runAfter"]));
        Assert.Equal("@parameters('$connections')['azuresentinel']['connectionId']", actions["Comment"]!["inputs"]!["host"]!["connection"]!["name"]!.GetValue<string>());
        Assert.Null(actions["Comment"]!["inputs"]!["connection"]);
    }

    [Fact]
    public void The_ARM_template_deploys_connections_identity_and_roles()
    {
        var template = ArmTemplateWriter.Write(Compile());
        var resources = template["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var connections = resources.Where(r => r["type"]!.GetValue<string>() == "Microsoft.Web/connections").ToList();
        Assert.Equal(2, connections.Count);
        Assert.Equal("Alternative", connections[0]["properties"]!["parameterValueType"]!.GetValue<string>());
        Assert.Null(connections[1]["properties"]!["parameterValueType"]);

        var workflow = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Logic/workflows");
        Assert.Equal("SystemAssigned", workflow["identity"]!["type"]!.GetValue<string>());
        Assert.Equal(2, workflow["dependsOn"]!.AsArray().Count);
        var sentinel = workflow["properties"]!["parameters"]!["$connections"]!["value"]!["azuresentinel"]!;
        Assert.Equal("ManagedServiceIdentity", sentinel["connectionProperties"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.EndsWith("/managedApis/azuresentinel')]", sentinel["id"]!.GetValue<string>(), StringComparison.Ordinal);

        var role = resources.Single(r => r["type"]!.GetValue<string>() == "Microsoft.Authorization/roleAssignments");
        Assert.Contains("3e150937-b8fe-4cfb-8069-0eaf05ecd056", role["properties"]!["roleDefinitionId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Microsoft.OperationalInsights/workspaces/", role["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("User.RevokeSessions.All", template["outputs"]!["graphPermissions"]!["value"]![0]!.GetValue<string>());
        Assert.Contains(template["metadata"]!["postDeployment"]!.AsArray(), s => s!.GetValue<string>().Contains("office365", StringComparison.Ordinal));
    }

    [Fact]
    public void Yaml_text_that_looks_like_other_types_survives_export_and_import()
    {
        var value = new JsonObject
        {
            ["numberText"] = "42", ["boolText"] = "true", ["nullText"] = "null", ["empty"] = "", ["at"] = "@{x}",
            ["multi"] = "line 1\nline 2\n", ["trailing"] = "a \nb", ["number"] = 1.5, ["bool"] = false, ["none"] = null,
            ["@odata.id"] = "ref", ["list"] = new JsonArray(), ["object"] = new JsonObject(),
        };
        var yaml = JsonToYaml.Write(value);
        var diagnostics = new List<Core.Diagnostics.Diagnostic>();
        var node = Core.Yaml.YamlReader.Read(new Core.Text.SourceText("x.yaml", yaml), diagnostics)!;
        var back = YamlToJson.Convert(node, new SourceMap());
        Assert.Null(JsonEquivalence.FirstDifference(value, back));
    }

    [Fact]
    public void Import_uses_short_forms_and_leaves_out_implied_runAfter()
    {
        var template = ArmTemplateWriter.Write(Compile()).ToJsonString();
        var imported = ArmPlaybookImporter.Import(template, "demo.json");
        Assert.True(imported.Succeeded, imported.Failure);
        Assert.Contains("trigger: incident", imported.Yaml, StringComparison.Ordinal);
        Assert.Contains("connection: azuresentinel", imported.Yaml, StringComparison.Ordinal);
        // Ordered Revoke, Comment, Mail, On_failure: only On_failure's runAfter differs from "the previous action succeeded".
        Assert.Equal(1, imported.Yaml!.Split("runAfter:").Length - 1);
        Assert.True(imported.Yaml.IndexOf("name: Mail", StringComparison.Ordinal) < imported.Yaml.IndexOf("name: On_failure", StringComparison.Ordinal));
        Assert.True(RoundTrip.Check(template, "demo.json").Equivalent);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"resources": []}""", "holds 0 Logic Apps")]
    [InlineData("""{"resources": [{"type": "Microsoft.Logic/workflows", "properties": {}}]}""", "no properties.definition")]
    public void Import_refuses_what_it_cannot_read_with_a_reason(string json, string reason)
    {
        var imported = ArmPlaybookImporter.Import(json, "bad.json");
        Assert.False(imported.Succeeded);
        Assert.Contains(reason, imported.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"metadata": "x", "resources": [{"type": "Microsoft.Logic/workflows", "properties": {"definition": {"triggers": {"t": {"type": "Request", "kind": "Http"}}, "actions": {"A": {"type": "If", "else": "x", "expression": true, "actions": []}}}, "parameters": []}}]}""")]
    [InlineData("""{"resources": [{"type": "Microsoft.Logic/workflows", "identity": "x", "properties": {"definition": {"triggers": {"t": 5}, "actions": {}}}}]}""")]
    [InlineData("""{"resources": [{"type": "Microsoft.Logic/workflows", "properties": {"definition": {"triggers": {"t": {"type": "Recurrence"}}, "actions": {"A": 1}}}}]}""")]
    [InlineData("""{"resources": [{"type": "Microsoft.Logic/workflows", "properties": {"definition": {"triggers": {"t": {"type": "Recurrence"}}, "actions": {"A": {"type": "Foreach", "foreach": [1], "actions": {"B": {"type": "Compose", "inputs": "@{", "runAfter": {"A": "x"}}}}}}, "parameters": {"$connections": {"value": 3}}}}]}""")]
    public void Odd_templates_import_or_fail_with_a_reason_but_never_throw(string json)
    {
        var imported = ArmPlaybookImporter.Import(json, "odd.json");
        Assert.True(imported.Succeeded || imported.Failure is { Length: > 0 });
        var roundTrip = RoundTrip.Check(json, "odd.json");
        Assert.True(roundTrip.Equivalent || roundTrip.Reason is { Length: > 0 });
    }
}
