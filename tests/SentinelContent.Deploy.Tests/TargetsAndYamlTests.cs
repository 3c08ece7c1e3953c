using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Export;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Deploy.Tests;

/// <summary>The targets file reader and the YAML writer used by export.</summary>
public sealed class TargetsAndYamlTests
{
    private static (DeploymentTargets? Targets, List<Diagnostic> Diagnostics) Read(string yaml)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sc-t-").FullName, "sentinel.yaml");
        File.WriteAllText(path, yaml);
        var diagnostics = new List<Diagnostic>();
        var targets = TargetsReader.Read(path, diagnostics);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        return (targets, diagnostics);
    }

    [Fact]
    public void A_complete_targets_file_is_read_with_its_overrides()
    {
        var (targets, diagnostics) = Read("""
            repository: contoso-soc
            environments:
              - name: dev
                subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e
                resourceGroup: rg-sec-dev
                workspace: law-sentinel-dev
                credential: azure-cli
                parallelism: 4
                disableAllRules: true
                watchlistAliases:
                  VipUsers: VipUsersDev
              - name: prod
                subscriptionId: 0b9d1e6a-2222-4c2b-9d7e-2f3a4b5c6d7e
                resourceGroup: rg-sec-prod
                workspace: law-sentinel-prod
                credential: workload-identity
                protect:
                  - 3c1f5d2a-7b84-4e69-9a1d-6f2e8b0c4d17
            """);
        Assert.Empty(diagnostics);
        Assert.Equal("contoso-soc", targets!.Repository);
        var dev = targets.Find("DEV")!;
        Assert.Equal(CredentialKind.AzureCli, dev.Credential);
        Assert.Equal(4, dev.Parallelism);
        Assert.True(dev.DisableAllRules);
        Assert.Equal("VipUsersDev", dev.WatchlistAliases["vipusers"]);
        Assert.Equal(ArmEndpoint.PublicCloud, dev.EffectiveEndpoint);
        var prod = targets.Find("prod")!;
        Assert.Equal(CredentialKind.WorkloadIdentity, prod.Credential);
        Assert.Contains("3c1f5d2a-7b84-4e69-9a1d-6f2e8b0c4d17", prod.Protect);
        Assert.Equal("/subscriptions/0b9d1e6a-2222-4c2b-9d7e-2f3a4b5c6d7e/resourceGroups/rg-sec-prod/providers/Microsoft.OperationalInsights/workspaces/law-sentinel-prod", prod.Scope.WorkspacePath);
    }

    [Theory]
    [InlineData("environments: []\n", "SC0101")] // repository missing
    [InlineData("repository: x\nenvironments:\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: ab\n", "SC0604")]
    [InlineData("repository: x\nenvironments:\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: law-a\n    credential: development\n", "SC0606")]
    [InlineData("repository: x\nenvironments:\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: law-a\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: law-b\n", "SC0601")]
    [InlineData("repository: x\nenvironments:\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: law-a\n    endpoint: https://example.com/path\n", "SC0603")]
    [InlineData("repository: x\nenvironments:\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: law-a\n    credential: password\n", "SC0104")]
    [InlineData("repository: x\nenvironments:\n  - name: dev\n    subscriptionId: 0b9d1e6a-1111-4c2b-9d7e-2f3a4b5c6d7e\n    resourceGroup: rg\n    workspace: law-a\n    parallelism: 1000\n", "SC0109")]
    [InlineData("repository: [unclosed\n", "SC0002")]
    public void Mistakes_in_the_targets_file_are_errors_with_positions(string yaml, string code)
    {
        var (targets, diagnostics) = Read(yaml);
        Assert.Null(targets);
        var error = Assert.Single(diagnostics, d => d.Code == code);
        Assert.True(error.Location.Start.Line >= 1);
    }

    [Fact]
    public void The_repositorys_own_targets_file_is_valid()
    {
        var diagnostics = new List<Diagnostic>();
        var targets = TargetsReader.Read(Path.Combine(SentinelContent.TestSupport.RepositoryPaths.Root, TargetsFormat.FileName), diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(["local", "dev", "prod"], targets!.Environments.Select(e => e.Name));
    }

    [Fact]
    public void The_targets_schema_is_generated_from_the_format()
    {
        var schema = JsonNode.Parse(TargetsSchema.Write())!;
        var environment = schema["properties"]!["environments"]!["items"]!;
        Assert.Equal(["name", "subscriptionId", "resourceGroup", "workspace"], environment["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("workload-identity", environment["properties"]!["credential"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("true")]
    [InlineData("12345")]
    [InlineData("a: colon")]
    [InlineData("{{Column}} braces")]
    [InlineData("- dash")]
    [InlineData("trailing space ")]
    [InlineData("line one\nline two\n")]
    [InlineData("no final newline\nsecond")]
    [InlineData("two final newlines\n\n")]
    [InlineData("  leading blank\nsecond\n")]
    [InlineData("blank-only line\n   \nthird\n")]
    [InlineData("tab\there\n")]
    [InlineData("quote \" and backslash \\ and unicode é ✓")]
    [InlineData("# not a comment")]
    [InlineData("")]
    public void The_yaml_writer_round_trips_text_exactly(string text)
    {
        var yaml = YamlEmitter.Write(new JsonObject { ["nested"] = new JsonObject { ["list"] = new JsonArray(new JsonObject { ["value"] = text }) } });
        var diagnostics = new List<Diagnostic>();
        var root = (YamlMapping)YamlReader.Read(new SourceText("x.yaml", yaml), diagnostics)!;
        Assert.Empty(diagnostics);
        var item = (YamlMapping)((YamlSequence)((YamlMapping)root["nested"]!)["list"]!).Items[0];
        Assert.Equal(text, ((YamlScalar)item["value"]!).Value);
    }
}
