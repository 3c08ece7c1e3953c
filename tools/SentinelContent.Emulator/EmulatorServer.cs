using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SentinelContent.Emulator.Logs;

namespace SentinelContent.Emulator;

/// <summary>
/// A local Microsoft Sentinel workspace: a real Kestrel server on a loopback port serving the ARM endpoints
/// the deployer uses, over a SQLite file, and the Log Analytics query API over logs loaded from files. Start it in-process (tests, benchmark) or with `sentinelctl emulator`.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResourceStore _store;

    private EmulatorServer(WebApplication app, ResourceStore store, EmulatorStatistics statistics, Uri baseAddress)
    {
        _app = app;
        _store = store;
        Statistics = statistics;
        BaseAddress = baseAddress;
    }

    /// <summary>The endpoint to give the deployer (http://127.0.0.1:PORT/).</summary>
    public Uri BaseAddress { get; }

    public EmulatorStatistics Statistics { get; }

    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 8 * 1024 * 1024;
        });
        var app = builder.Build();

        // Logs first: a bad data file stops the start before anything is opened.
        var logs = LogStore.Load(options.DataDirectory, options.FunctionsFile);
        var store = new ResourceStore(options.DatabasePath);
        var statistics = new EmulatorStatistics();
        var faults = new FaultInjector(options.Faults, statistics);
        var endpoints = new ArmEndpoints(store, options, statistics);
        var query = new QueryEndpoint(logs, options);
        var workspace = new WorkspaceEndpoints(logs, options);

        app.Use(async (context, next) =>
        {
            statistics.Request(context.Request.Method);
            try
            {
                await next(context);
            }
            catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
            {
                // A bug of the emulator still answers as ARM does, with an error body, never an empty 500.
                statistics.InternalError();
                await ArmErrors.Write(context, 500, "InternalServerError", $"The emulator could not handle the request ({e.GetType().Name}).");
            }
        });
        app.Use(faults.Invoke);
        app.Use(async (context, next) =>
        {
            if (Authenticate(context, options.DevToken) is { } failure)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer authorization_uri=\"https://login.microsoftonline.com/common\"";
                await ArmErrors.Write(context, 401, failure.Code, failure.Message);
                return;
            }
            await next(context);
        });
        app.Run(context =>
            QueryEndpoint.Matches(context) ? query.Handle(context)
            : WorkspaceEndpoints.Matches(context) ? workspace.Handle(context)
            : endpoints.Handle(context));

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorServer(app, store, statistics, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>ARM's answers without a valid bearer token; the token itself is never echoed.</summary>
    private static (string Code, string Message)? Authenticate(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0) return ("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return ("AuthenticationFailed", "Authentication failed. The 'Authorization' header is not a bearer token.");
        var given = header["Bearer ".Length..].Trim();
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(token))
            ? null
            : ("InvalidAuthenticationToken", "The access token is invalid.");
    }

    /// <summary>
    /// A resource as stored, including the write-only fields ARM never returns (secure parameter values): for
    /// tests that check what reached the server. Null when there is no such resource.
    /// </summary>
    public string? ReadStored(string resourceId)
    {
        var path = ArmPath.Parse(resourceId);
        return path?.Name is null ? null : _store.Get(path.Scope, path.Collection, path.Name)?.Body;
    }

    public async Task StopAsync()
    {
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
