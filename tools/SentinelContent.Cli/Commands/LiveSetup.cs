using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Targets;
using SentinelContent.Live;
using SentinelContent.Live.Query;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// What query --env, backtest --env and schema pull do first: the environment of sentinel.yaml, connected
/// as the deployer connects (same targets file, credential choice and endpoint override), plus the query
/// API. The query endpoint follows the ARM endpoint (the emulator serves both) unless SENTINELCTL_LOGS_ENDPOINT says otherwise.
/// </summary>
internal sealed class LiveSetup : IDisposable
{
    public const string LogsEndpointVariable = "SENTINELCTL_LOGS_ENDPOINT";

    private readonly DeploySetup _deploy;

    private LiveSetup(DeploySetup deploy, LiveWorkspace workspace)
    {
        _deploy = deploy;
        Workspace = workspace;
    }

    public LiveWorkspace Workspace { get; }

    public static LiveSetup? Create(CliContext context, ParseResult parse, DeployOptions options, out int exitCode)
    {
        var deploy = DeploySetup.Create(context, parse, options, [], out exitCode);
        if (deploy is null) return null;
        Uri? logsEndpoint = null;
        if (System.Environment.GetEnvironmentVariable(LogsEndpointVariable) is { Length: > 0 } text)
        {
            logsEndpoint = TargetsReader.ParseEndpoint(text, out var problem);
            if (logsEndpoint is null)
            {
                context.Error.WriteLine($"error: {LogsEndpointVariable}='{text}' is not usable: {problem}.");
                deploy.Dispose();
                exitCode = ExitCodes.UsageOrInternalError;
                return null;
            }
        }
        var environment = deploy.Session.Environment;
        var credential = parse.GetValue(options.Credential) is { } c ? TargetsReader.ParseCredential(c) : (CredentialKind?)null;
        try
        {
            var endpoint = logsEndpoint ?? LogsEndpoint.For(environment.EffectiveEndpoint);
            var kind = credential ?? environment.Credential ?? (ArmEndpoint.IsLoopback(endpoint) ? CredentialKind.Development : CredentialKind.Default);
            var logs = new LogsQueryClient(endpoint, Credentials.Create(kind), LogsQueryClient.DefaultSettings with { Observer = new RetryCountdown(context) });
            return new LiveSetup(deploy, new LiveWorkspace(environment, deploy.Session.Client, logs));
        }
        catch (InvalidOperationException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            deploy.Dispose();
            exitCode = ExitCodes.UsageOrInternalError;
            return null;
        }
    }

    /// <summary>A failure of Azure, the network or the query API, as one line (never a token or header).</summary>
    public static int Failed(CliContext context, Exception e) => e switch
    {
        LogsQueryException logs => Write(context, $"the query API refused the query: {logs.Message}"),
        _ => DeploySetup.Failed(context, e),
    };

    private static int Write(CliContext context, string message)
    {
        context.Error.WriteLine($"error: {message}");
        return ExitCodes.DeployFailed;
    }

    public void Dispose() => _deploy.Dispose();
}
