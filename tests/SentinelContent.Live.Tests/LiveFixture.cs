using SentinelContent.Deploy;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Targets;
using SentinelContent.Emulator;
using SentinelContent.Emulator.Samples;
using SentinelContent.Live.Query;

namespace SentinelContent.Live.Tests;

/// <summary>
/// A real emulator (Kestrel on a free loopback port) serving a folder of logs, a sentinel.yaml pointing at
/// it, and the clients sentinelctl would build for it.
/// </summary>
public sealed class LiveFixture : IAsyncDisposable
{
    private LiveFixture(string root, EmulatorServer emulator)
    {
        Root = root;
        Emulator = emulator;
    }

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "logs");

    public EmulatorServer Emulator { get; }

    public TargetEnvironment Environment => new()
    {
        Name = "local",
        Scope = new WorkspaceScope(SampleRepository.Subscription, SampleRepository.ResourceGroup, SampleRepository.Workspace),
        Endpoint = Emulator.BaseAddress,
    };

    /// <param name="writeData">Fills the logs folder before the emulator starts.</param>
    public static async Task<LiveFixture> StartAsync(Action<string> writeData, FaultOptions? faults = null, int maxRows = 500_000, string? functionsJson = null)
    {
        var root = Directory.CreateTempSubdirectory("sc-live-").FullName;
        var data = Path.Combine(root, "logs");
        Directory.CreateDirectory(data);
        writeData(data);
        string? functions = null;
        if (functionsJson is not null) File.WriteAllText(functions = Path.Combine(root, "functions.json"), functionsJson);
        var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            DatabasePath = Path.Combine(root, ".state", "workspace.db"),
            DataDirectory = data,
            FunctionsFile = functions,
            MaxResultRows = maxRows,
            Faults = faults ?? new FaultOptions(),
        }, TestContext.Current.CancellationToken);
        SampleRepository.WriteTargets(root, emulator.BaseAddress);
        return new LiveFixture(root, emulator);
    }

    public LiveWorkspace Connect(ArmConnectionSettings? settings = null) =>
        new(Environment, DeploymentSession.Connect(Environment, null, settings),
            new LogsQueryClient(LogsEndpoint.For(Emulator.BaseAddress), new DevelopmentCredential(), settings));

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
