using System.Diagnostics;
using System.Text.Json;

namespace SentinelContent.TestSupport;

/// <summary>One error as the official parser or binder reports it.</summary>
public sealed record OracleError(string Code, string Message, int Start, int Length);

/// <summary>One result column as the official binder reports it.</summary>
public sealed record OracleColumn(string Name, string Type);

/// <summary>What the official parser and binder say about one query: syntax errors, all errors after binding, and the result columns (null when not tabular).</summary>
public sealed record OracleResult(IReadOnlyList<OracleError> SyntaxErrors, IReadOnlyList<OracleError> Errors, IReadOnlyList<OracleColumn>? Columns);

/// <summary>
/// Runs Microsoft's official parser and binder (../shared/tools/kql-oracle/oracle.js) once over a batch of
/// queries. The read-only tool folder is copied to .build/kql-oracle and `npm ci` runs there when
/// node_modules is missing; a lock file keeps concurrent processes (test runs, the reference example extractor)
/// from installing twice. Missing node or npm is a failure with a clear message, never a silent pass.
/// </summary>
public static class KqlOracle
{
    /// <summary>
    /// Parses and binds each query against <paramref name="schemaJson"/>, the oracle's schema format
    /// ({"Table":{"Column":"type"}}); answers by query id.
    /// </summary>
    public static IReadOnlyDictionary<string, OracleResult> Run(IReadOnlyList<(string Id, string Query)> queries, string schemaJson)
    {
        var directory = PrepareCopy();
        // One pair of files per call: suites of one test process call the oracle concurrently, and a name shared
        // by process would let one call overwrite another's input while node reads it.
        var call = $"{Environment.ProcessId}-{Guid.NewGuid():N}";
        var schema = Path.Combine(directory, $"schema-{call}.json");
        File.WriteAllText(schema, schemaJson);

        var input = Path.Combine(directory, $"queries-{call}.jsonl");
        using (var writer = new StreamWriter(input))
        {
            foreach (var (id, query) in queries)
                writer.WriteLine(JsonSerializer.Serialize(new { id, query }));
        }

        var (exitCode, stdout, stderr) = RunProcess("node", ["oracle.js", "--schema", schema], directory, input, TimeSpan.FromMinutes(30));
        File.Delete(input);
        File.Delete(schema);
        if (exitCode != 0) throw new InvalidOperationException($"oracle.js failed (exit {exitCode}): {stderr}");

        var results = new Dictionary<string, OracleResult>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var columns = root.GetProperty("columns") is { ValueKind: JsonValueKind.Array } array
                ? array.EnumerateArray().Select(c => new OracleColumn(c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!)).ToList()
                : null;
            results[root.GetProperty("id").GetString()!] = new OracleResult(Errors(root, "syntaxErrors"), Errors(root, "errors"), columns);
        }

        if (results.Count != queries.Count)
            throw new InvalidOperationException($"oracle.js answered {results.Count} of {queries.Count} queries.");
        return results;
    }

    private static List<OracleError> Errors(JsonElement root, string property) =>
        root.GetProperty(property).EnumerateArray()
            .Select(e => new OracleError(e.GetProperty("code").GetString()!, e.GetProperty("message").GetString()!, e.GetProperty("start").GetInt32(), e.GetProperty("length").GetInt32()))
            .ToList();

    private static string PrepareCopy()
    {
        var source = Path.Combine(RepositoryPaths.Shared, "tools", "kql-oracle");
        if (!File.Exists(Path.Combine(source, "oracle.js"))) throw new InvalidOperationException($"The oracle is missing: {source}");

        var target = Path.Combine(RepositoryPaths.BuildFolder, "kql-oracle");
        Directory.CreateDirectory(target);

        using var fileLock = AcquireLock(Path.Combine(target, ".install.lock"));
        foreach (var name in new[] { "oracle.js", "package.json", "package-lock.json" })
            File.Copy(Path.Combine(source, name), Path.Combine(target, name), overwrite: true);

        if (!Directory.Exists(Path.Combine(target, "node_modules", "@kusto")))
        {
            RequireTool("node");
            RequireTool("npm");
            var (exitCode, _, stderr) = RunProcess("npm", ["ci", "--no-audit", "--no-fund"], target, null, TimeSpan.FromMinutes(10));
            if (exitCode != 0) throw new InvalidOperationException($"npm ci failed in {target} (exit {exitCode}): {stderr}");
        }

        RequireTool("node");
        return target;
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static void RequireTool(string tool)
    {
        try
        {
            var (exitCode, _, _) = RunProcess(tool, ["--version"], Environment.CurrentDirectory, null, TimeSpan.FromMinutes(1));
            if (exitCode == 0) return;
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }

        throw new InvalidOperationException($"'{tool}' is required to run the official KQL parser (the oracle) but is not available on PATH. Install Node.js (with npm) to run these tests.");
    }

    private static (int ExitCode, string Stdout, string Stderr) RunProcess(string file, string[] arguments, string workingDirectory, string? stdinFile, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdinFile is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdinFile is not null)
        {
            using (var input = File.OpenRead(stdinFile)) input.CopyTo(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
