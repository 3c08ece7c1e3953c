using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Diagnostics;
using SentinelContent.Deploy.Targets;
using SentinelContent.TestSupport;

namespace SentinelContent.Deploy.Tests;

/// <summary>What sentinel.yaml must say for playbooks to deploy, and the diagnostics when it does not.</summary>
public sealed class PlaybookTargetsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sc-playbook-targets-").FullName;

    public PlaybookTargetsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "playbooks"));
        File.Copy(Path.Combine(RepositoryPaths.Root, "playbooks", "SecurityInfoDeleted-RequireMfaReregistration.yaml"), Path.Combine(_root, "playbooks", "Mfa.yaml"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static TargetEnvironment Environment(string? location = "westeurope", Dictionary<string, string>? parameters = null, Dictionary<string, string>? secrets = null) => new()
    {
        Name = "dev",
        Scope = new WorkspaceScope("00000000-0000-0000-0000-000000000002", "rg", "law-dev"),
        AzureLocation = location,
        PlaybookParameters = parameters ?? new() { ["MfaReregistrationGroupId"] = "g", ["NotificationMailbox"] = "m@contoso.example" },
        PlaybookSecrets = secrets ?? new() { ["SocChannelWebhookUrl"] = "SOC_WEBHOOK" },
    };

    private DesiredContent Load(TargetEnvironment environment, string? secret = "https://hook.example/x") =>
        new PlaybookKind { ReadVariable = name => name == "SOC_WEBHOOK" ? secret : null }.LoadDesired(_root, environment);

    private static IEnumerable<string> Codes(DesiredContent content) =>
        content.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Descriptor.Code);

    [Fact]
    public void A_complete_environment_gives_one_logic_app_with_the_secret_only_in_the_write_only_part()
    {
        var content = Load(Environment());
        Assert.Empty(Codes(content));
        var playbook = Assert.Single(content.Resources);
        Assert.DoesNotContain("hook.example", playbook.Body.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("hook.example", playbook.PutBody().ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hook.example", playbook.ToString(), StringComparison.Ordinal);
        Assert.Equal("g", playbook.Body["properties"]!["parameters"]!["MfaReregistrationGroupId"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void Playbooks_without_a_location_are_SC0613() =>
        Assert.Equal([DeployDiagnostics.PlaybookLocationMissing.Code], Codes(Load(Environment(location: null))));

    [Fact]
    public void A_parameter_the_environment_does_not_set_is_SC0614_at_the_playbook_line()
    {
        var content = Load(Environment(parameters: new() { ["NotificationMailbox"] = "m" }));
        var error = Assert.Single(content.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DeployDiagnostics.PlaybookParameterMissing.Code, error.Descriptor.Code);
        Assert.EndsWith("Mfa.yaml", error.Location.Path, StringComparison.Ordinal);
        Assert.True(error.Location.Start.Line > 1);
        Assert.Empty(content.Resources);
    }

    [Fact]
    public void An_unset_secret_variable_is_SC0615_and_names_the_variable_not_a_value() =>
        Assert.Equal([DeployDiagnostics.PlaybookSecretUnset.Code], Codes(Load(Environment(), secret: null)));

    [Fact]
    public void A_secure_parameter_given_in_plain_text_is_SC0617()
    {
        var parameters = new Dictionary<string, string> { ["MfaReregistrationGroupId"] = "g", ["NotificationMailbox"] = "m", ["SocChannelWebhookUrl"] = "https://plain" };
        Assert.Equal([DeployDiagnostics.SecretInPlainParameters.Code], Codes(Load(Environment(parameters: parameters, secrets: new()))));
    }

    [Fact]
    public void A_template_expression_deploy_cannot_evaluate_is_SC0616()
    {
        var path = Path.Combine(_root, "playbooks", "Mfa.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("value: \"[parameters('NotificationMailbox')]\"", "value: \"[variables('mailbox')]\"", StringComparison.Ordinal));
        Assert.Equal([DeployDiagnostics.PlaybookTemplateExpression.Code], Codes(Load(Environment())));
    }

    [Fact]
    public void Targets_read_location_tenant_parameters_and_secrets()
    {
        var file = Path.Combine(_root, "sentinel.yaml");
        File.WriteAllText(file, """
            repository: r
            environments:
              - name: dev
                subscriptionId: 00000000-0000-0000-0000-000000000002
                resourceGroup: rg
                workspace: law-dev
                location: westeurope
                tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
                playbookParameters: {MfaReregistrationGroupId: g}
                playbookSecrets: {SocChannelWebhookUrl: SOC_WEBHOOK}
            """);
        var diagnostics = new List<Diagnostic>();
        var environment = Assert.Single(TargetsReader.Read(file, diagnostics)!.Environments);
        Assert.Empty(diagnostics);
        Assert.Equal("westeurope", environment.AzureLocation);
        Assert.Equal("72f988bf-86f1-41af-91ab-2d7cd011db47", environment.TenantId);
        Assert.Equal("g", environment.PlaybookParameters["MfaReregistrationGroupId"]);
        Assert.Equal("SOC_WEBHOOK", environment.PlaybookSecrets["SocChannelWebhookUrl"]);
    }
}

/// <summary>The api-version of every request follows from the provider in its path, pinned in ArmApiVersions.</summary>
public sealed class ApiVersionTests
{
    [Fact]
    public void Each_provider_gets_its_pinned_version()
    {
        var scope = new WorkspaceScope("00000000-0000-0000-0000-000000000002", "rg", "law-dev");
        Assert.Equal(ArmApiVersions.SecurityInsights, ArmApiVersions.For(scope.ResourcePath("automationRules", "x")));
        Assert.Equal(ArmApiVersions.SecurityInsights, ArmApiVersions.For(scope.CollectionPath("metadata")));
        Assert.Equal(ArmApiVersions.Logic, ArmApiVersions.For(Desired.Playbooks.PlaybookArm.WorkflowPath(scope, "Enrich")));
        Assert.Equal(ArmApiVersions.Web, ArmApiVersions.For(Desired.Playbooks.PlaybookArm.ConnectionsPath(scope)));
        Assert.Throws<InvalidOperationException>(() => ArmApiVersions.For(scope.ResourceGroupCollectionPath("Microsoft.Storage", "storageAccounts")));
    }
}
