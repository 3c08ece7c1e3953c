using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Cli.Commands;

/// <summary>The options deploy plan, deploy apply and export share: which environment, how to sign in, how to report.</summary>
public sealed class DeployOptions
{
    public Option<string> Environment { get; } = new("--env", "-e")
    {
        Description = "The environment (an entry of sentinel.yaml's environments) to work on.",
    };

    public Option<string?> Targets { get; } = new("--targets")
    {
        Description = $"The targets file. Default: {TargetsFormat.FileName} in the current folder or the nearest folder above it. A file outside the current repository needs --repository too.",
    };

    public Option<string?> Repository { get; } = new("--repository")
    {
        Description = "The repository whose content is deployed. Default: the folder of the targets file found from the current folder. Required when --targets names a file outside the current repository.",
    };

    public Option<string?> Credential { get; } = new("--credential")
    {
        Description = "How to sign in to Azure: default (DefaultAzureCredential), workload-identity (OIDC in CI), azure-cli (az login), development (the emulator's token; loopback only). Default: the environment's credential, else development for a loopback endpoint, else default.",
    };

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "Override the environment's ARM endpoint (for example http://127.0.0.1:5099 for the local emulator). Also read from SENTINELCTL_ARM_ENDPOINT.",
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log every HTTP request (Azure.Core's log; the Authorization header and tokens are redacted) to standard error.",
    };

    public Option<ColorMode> Color { get; } = new("--color")
    {
        Description = "Colour in text output: auto (on a terminal, unless NO_COLOR is set), always or never.",
        DefaultValueFactory = _ => ColorMode.Auto,
    };

    public DeployOptions()
    {
        Credential.AcceptOnlyFromAmong([.. TargetsFormat.CredentialNames]);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Environment);
        command.Options.Add(Targets);
        command.Options.Add(Repository);
        command.Options.Add(Credential);
        command.Options.Add(Endpoint);
        command.Options.Add(Verbose);
        command.Options.Add(Color);
    }
}
