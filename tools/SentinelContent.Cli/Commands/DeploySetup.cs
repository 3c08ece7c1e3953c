using System.CommandLine;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Targets;
using SentinelContent.Reporting;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// What deploy plan, deploy apply and export do first: find and read sentinel.yaml, pick the environment,
/// connect to its endpoint. Problems become messages and an exit code, never a stack trace.
/// </summary>
internal sealed class DeploySetup : IDisposable
{
    private AzureEventSourceListener? _listener;

    public required DeploymentSession Session { get; init; }

    public static DeploySetup? Create(CliContext context, ParseResult parse, DeployOptions options, IReadOnlyList<IContentKind> kinds, out int exitCode)
    {
        exitCode = ExitCodes.UsageOrInternalError;
        var name = parse.GetValue(options.Environment);
        if (string.IsNullOrWhiteSpace(name))
        {
            context.Error.WriteLine("error: name the environment with --env NAME (an entry of sentinel.yaml's environments).");
            return null;
        }
        var path = parse.GetValue(options.Targets) is { } given ? context.Resolve(given) : FindTargets(context.WorkingDirectory);
        if (path is null || !File.Exists(path))
        {
            context.Error.WriteLine($"error: no {TargetsFormat.FileName} found {(path is null ? $"in {context.WorkingDirectory} or above" : $"at {context.Display(path)}")}; see docs/deploy.md for its format.");
            return null;
        }

        var diagnostics = new List<Diagnostic>();
        var targets = TargetsReader.Read(path, diagnostics);
        if (diagnostics.Count > 0) Report(context, parse, options, "targets", diagnostics);
        if (targets is null)
        {
            exitCode = ExitCodes.ContentErrors;
            return null;
        }
        var environment = targets.Find(name);
        if (environment is null)
        {
            context.Error.WriteLine($"error: no environment '{name}' in {context.Display(path)}; it defines: {string.Join(", ", targets.Environments.Select(e => e.Name))}.");
            return null;
        }

        var endpointText = parse.GetValue(options.Endpoint) ?? System.Environment.GetEnvironmentVariable("SENTINELCTL_ARM_ENDPOINT");
        if (!string.IsNullOrEmpty(endpointText))
        {
            var endpoint = TargetsReader.ParseEndpoint(endpointText, out var problem);
            if (endpoint is null)
            {
                context.Error.WriteLine($"error: the endpoint '{endpointText}' is not usable: {problem}.");
                return null;
            }
            environment = environment with { Endpoint = endpoint };
        }

        var credential = parse.GetValue(options.Credential) is { } c ? TargetsReader.ParseCredential(c) : (CredentialKind?)null;
        ArmClient client;
        try
        {
            client = DeploymentSession.Connect(environment, credential);
        }
        catch (InvalidOperationException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return null;
        }

        var setup = new DeploySetup { Session = new DeploymentSession(Path.GetDirectoryName(path)!, targets, environment, client, kinds) };
        if (parse.GetValue(options.Verbose))
            setup._listener = new AzureEventSourceListener((_, message) => { lock (context.Error) context.Error.WriteLine(message); }, EventLevel.Informational);
        exitCode = ExitCodes.Success;
        return setup;
    }

    /// <summary>Reads the repository's content; content errors are printed (file:line:col) and stop the command.</summary>
    public IReadOnlyList<DesiredResource>? LoadDesired(CliContext context, ParseResult parse, DeployOptions options)
    {
        var desired = Session.LoadDesired();
        if (desired.Diagnostics.Count > 0) Report(context, parse, options, "deploy", desired.Diagnostics);
        return desired.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? null : desired.Resources;
    }

    public static void Report(CliContext context, ParseResult parse, DeployOptions options, string command, IReadOnlyList<Diagnostic> diagnostics)
    {
        var shown = diagnostics.Select(d => d with { Location = d.Location with { Path = context.Display(d.Location.Path) } }).ToList();
        var files = shown.Select(d => d.Location.Path).Distinct().ToList();
        new TextReporter(context.UseColor(parse.GetValue(options.Color))).Write(new DiagnosticReport(command, shown, files, DiagnosticCatalog.All), context.Error);
    }

    /// <summary>Azure's and the network's failures, as one line that names what failed (never a token or header).</summary>
    public static int Failed(CliContext context, Exception e)
    {
        var message = e switch
        {
            ArmRequestException arm => arm.Message,
            Azure.Identity.CredentialUnavailableException unavailable => $"no Azure credential available: {unavailable.Message.Split('\n')[0]}",
            Azure.Identity.AuthenticationFailedException auth => $"could not sign in to Azure: {auth.Message.Split('\n')[0]}",
            HttpRequestException http => $"network error: {http.Message}",
            _ => e.Message,
        };
        context.Error.WriteLine($"error: {message}");
        return ExitCodes.DeployFailed;
    }

    private static string? FindTargets(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, TargetsFormat.FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public void Dispose() => _listener?.Dispose();
}
