using System.CommandLine;
using System.Diagnostics.Tracing;
using Azure.Core.Diagnostics;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Deploy;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Targets;
using SentinelContent.Reporting;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Facade.Repository;

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
        var repository = RepositoryFor(context, parse, options, path);
        if (repository is null) return null;

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
            client = DeploymentSession.Connect(environment, credential, new ArmConnectionSettings { Observer = new RetryCountdown(context) });
        }
        catch (InvalidOperationException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return null;
        }

        var setup = new DeploySetup { Session = new DeploymentSession(repository, targets, environment, client, kinds) };
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

    /// <summary>
    /// Azure's and the network's failures, as one line that names what failed and what to do (never a token or
    /// header, never an SDK type or option name: those mean nothing to the person at the terminal).
    /// </summary>
    public static int Failed(CliContext context, Exception e)
    {
        context.Error.WriteLine($"error: {TerminalText.Escape(Describe(e))}");
        return ExitCodes.DeployFailed;
    }

    internal static string Describe(Exception e) => e switch
    {
        ArmRequestException arm => arm.Message,
        EndpointUnreachableException unreachable => unreachable.Message,
        Azure.Identity.CredentialUnavailableException =>
            "no Azure sign-in is available here: run `az login` (then --credential azure-cli), or in CI set up workload identity (AZURE_CLIENT_ID, AZURE_TENANT_ID and a federated token; docs/deploy.md)",
        Azure.Identity.AuthenticationFailedException auth => $"could not sign in to Azure: {WithoutSdkNames(auth.Message)}",
        Azure.RequestFailedException failed => $"the request failed: {WithoutSdkNames(failed.InnerException?.Message ?? failed.Message)}",
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 => Describe(aggregate.InnerExceptions[^1]),
        HttpRequestException http => $"network error: {http.Message}",
        System.Text.Json.JsonException => "the service answered with JSON this tool cannot read",
        _ => WithoutSdkNames(e.Message),
    };

    /// <summary>The first line of an SDK message, without the credential type names and troubleshooting links it starts with.</summary>
    private static string WithoutSdkNames(string message)
    {
        var line = message.Split('\n')[0].Trim();
        line = System.Text.RegularExpressions.Regex.Replace(line, @"\b[A-Z][A-Za-z]*Credential\b( authentication failed)?:?\s*", string.Empty);
        line = System.Text.RegularExpressions.Regex.Replace(line, @"\s*(See|Visit) (the )?troubleshooting guide.*$", string.Empty, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return line.Length == 0 ? "the sign-in failed" : line;
    }

    /// <summary>
    /// The repository whose content is deployed. It used to be the folder of the targets file, so `--targets
    /// elsewhere/sentinel.yaml` silently deployed (and with --prune, planned to delete against) an empty folder.
    /// Now: --repository when given; else the folder of a targets file found from the current folder; a --targets
    /// file outside the current repository is refused unless --repository says which content is meant.
    /// </summary>
    private static string? RepositoryFor(CliContext context, ParseResult parse, DeployOptions options, string targetsPath)
    {
        if (parse.GetValue(options.Repository) is { } named)
        {
            var full = context.Resolve(named);
            if (Directory.Exists(full)) return full;
            context.Error.WriteLine($"error: --repository {named}: no such folder.");
            return null;
        }
        var folder = Path.GetDirectoryName(targetsPath)!;
        if (parse.GetValue(options.Targets) is null) return folder;
        var current = RepositoryLayout.FindRoot(context.WorkingDirectory) ?? Core.Input.RepositoryRoot.Find(context.WorkingDirectory);
        if (current is not null && Core.Input.ContainedPath.IsUnder(current, Path.GetFullPath(targetsPath)))
            return current;
        context.Error.WriteLine($"error: --targets {context.Display(targetsPath)} is outside the current repository ({(current is null ? "none found from " + context.WorkingDirectory : context.Display(current))}); " +
            "say which repository's content to deploy with --repository DIR (deploying another folder's content, with --prune, would plan to delete everything this repository deployed).");
        return null;
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
