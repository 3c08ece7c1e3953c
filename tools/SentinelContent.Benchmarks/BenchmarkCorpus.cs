using System.Text.Json;

namespace SentinelContent.Benchmarks;

/// <summary>
/// The queries to time: the shared corpus as the test suite extracts it (YAML query fields and .kql
/// files), exported by `dotnet test` to .build/kql-corpus.jsonl so both sides time the same text.
/// </summary>
internal static class BenchmarkCorpus
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string CorpusFile => Path.Combine(RepositoryRoot, ".build", "kql-corpus.jsonl");

    public static string OracleDirectory => Path.Combine(RepositoryRoot, ".build", "kql-oracle");

    /// <summary>The Log Analytics schema export both binders bind against (read-only, beside the repository).</summary>
    public static string SchemaCsv => Path.Combine(RepositoryRoot, "..", "shared", "schemas", "la_table_schemas.csv");

    /// <summary>The same schema as the official binder takes it ({"Table":{"Column":"type"}}), written for the node side.</summary>
    public static string WriteSchemaJson()
    {
        var catalog = SentinelContent.Kql.Schema.SchemaFileLoader.Load(SchemaCsv, new List<SentinelContent.Core.Diagnostics.Diagnostic>());
        var json = catalog.Tables.ToDictionary(t => t.Name, t => t.Columns.ToDictionary(c => c.Name, c => SentinelContent.Kql.Schema.ScalarTypes.Name(c.Type)));
        var path = Path.Combine(RepositoryRoot, ".build", "benchmark-schema.json");
        File.WriteAllText(path, JsonSerializer.Serialize(json));
        return path;
    }

    public static string[] Load()
    {
        if (!File.Exists(CorpusFile))
            throw new InvalidOperationException($"{CorpusFile} is missing: run `dotnet test --project tests/SentinelContent.Kql.Tests` first; it exports the corpus.");

        return [.. File.ReadLines(CorpusFile)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("query").GetString()!)];
    }

    private static string FindRepositoryRoot()
    {
        // Walk up from the working directory and from the binary to the folder holding the solution.
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "SentinelContent.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository (SentinelContent.sln not found above the working directory).");
    }
}
