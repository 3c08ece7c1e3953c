using System.Diagnostics;

namespace SentinelContent.ReferenceExamples;

/// <summary>The command line: options, progress, exit codes (0 written, 1 the docs could not be read, 2 bad usage).</summary>
public static class Cli
{
    public const string Usage = """
        usage: reference-examples --docs DIR [--commit SHA] [--out DIR]

        Reads every page of the KQL reference (DIR/data-explorer/kusto/query/**/*.md, with its toc.yml) and writes one
        case file per page that has ```kusto examples: each example's query, documented output (columns typed by
        Microsoft's binder), and its class (case, nondeterministic, reads-table, ...). Needs node and npm (the binder).

          --docs DIR     a checkout of MicrosoftDocs/dataexplorer-docs (or a folder holding data-explorer/kusto/query)
          --commit SHA   the checkout's commit, recorded in the files (default: git -C DIR rev-parse HEAD)
          --out DIR      where the case files go (default: the suite's folder in this repository)
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? docs = null, commit = null, outFolder = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--docs" when i + 1 < args.Length:
                    docs = args[++i];
                    break;
                case "--commit" when i + 1 < args.Length:
                    commit = args[++i];
                    break;
                case "--out" when i + 1 < args.Length:
                    outFolder = args[++i];
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    error.WriteLine($"reference-examples: unknown or incomplete option '{args[i]}'");
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        if (docs is null)
        {
            error.WriteLine("reference-examples: --docs is required");
            error.WriteLine(Usage);
            return 2;
        }

        var queryFolder = Path.Combine(docs, "data-explorer", "kusto", "query");
        if (!File.Exists(Path.Combine(queryFolder, "toc.yml")))
        {
            error.WriteLine($"reference-examples: {queryFolder}/toc.yml not found; --docs names the checkout's root");
            return 1;
        }
        commit ??= GitHead(docs);
        if (commit is null)
        {
            error.WriteLine($"reference-examples: {docs} is not a git checkout; give its commit with --commit");
            return 1;
        }
        outFolder ??= Path.Combine(TestSupport.RepositoryPaths.Root, "tests", "SentinelContent.Kql.Tests", "Evaluation", "Conformance", "reference");

        var summary = Extractor.Run(queryFolder, commit, outFolder, output);
        output.WriteLine(summary);
        return 0;
    }

    private static string? GitHead(string folder)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", folder, "rev-parse", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start);
            if (git is null) return null;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 && head.Length == 40 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
