using System.Diagnostics;
using SentinelContent.TestSupport;
using SentinelContent.TestSupport.Cli;
using SentinelContent.TestSupport.Fuzzing;

namespace SentinelContent.Cli.Tests;

/// <summary>
/// The standing fuzz suite over content (issue 24, point 7): the repository's own rules, rule tests, samples and
/// playbooks, mutated (<see cref="TextMutator"/>), run through `validate` and `test` as a pull request's content is in
/// CI. Every input must end in exit 0 or 1 with diagnostics: never an internal error (exit 2), an exception's text, or
/// a hang. CI runs each target for a few seconds; SC_FUZZ_ITERATIONS (and SC_FUZZ_SEED) run a long campaign, and each
/// target prints "content fuzz TARGET: N inputs in S s (seed X)" (docs/fuzzing.md).
/// </summary>
public sealed class ContentFuzzTests : IDisposable
{
    private static readonly TimeSpan CiBudget = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(60);
    private static readonly System.Text.UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly string _root = Directory.CreateTempSubdirectory("sc-fuzz-").FullName;

    public ContentFuzzTests()
    {
        Copy(Path.Combine(RepositoryPaths.Root, "analytics-rules"), Path.Combine(_root, "analytics-rules"));
        Copy(Path.Combine(RepositoryPaths.Root, "playbooks"), Path.Combine(_root, "playbooks"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Targets => ["rule", "rule-tests", "sample", "playbook"];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Mutated_content_gives_diagnostics_never_an_internal_error_or_a_hang(string target)
    {
        var files = FilesOf(target);
        Assert.NotEmpty(files);
        var (iterations, budget, seed) = TextMutator.Settings(CiBudget);
        var random = new Random(seed ^ target.GetHashCode(StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        var count = 0L;
        while (iterations is { } limit ? count < limit : clock.Elapsed < budget)
        {
            var file = files[random.Next(files.Count)];
            var original = File.ReadAllText(file);
            var mutated = TextMutator.Mutate(original, random);
            // Lone surrogates cannot be UTF-8: they are written as U+FFFD's bytes, as an editor would save them.
            File.WriteAllBytes(file, Lenient.GetBytes(mutated));
            try
            {
                foreach (var args in Commands(target, file))
                {
                    var run = RunWatched(args);
                    var what = $"{target} input {count} (seed {seed}), `{string.Join(' ', args)}` on {Path.GetFileName(file)}";
                    Assert.True(run is not null, $"{what}: no answer within {PerInputTimeout}\n--- input ---\n{mutated}");
                    Assert.True(run.ExitCode is 0 or 1 && !run.All.Contains("internal error", StringComparison.Ordinal),
                        $"{what}: exit {run.ExitCode}\n{run.All}\n--- input ---\n{mutated}");
                }
            }
            finally
            {
                File.WriteAllText(file, original);
            }

            count++;
        }

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"content fuzz {target}: {count} inputs in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}), no internal error or hang");
        Assert.True(count > 0);
    }

    private List<string> FilesOf(string target)
    {
        var all = Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
            .Select(f => (Path: f, Relative: Path.GetRelativePath(_root, f).Replace('\\', '/'))).ToList();
        bool Rules(string r) => r.StartsWith("analytics-rules/", StringComparison.Ordinal);
        bool Sample(string r) => r.Contains("/samples/", StringComparison.Ordinal);
        bool Tests(string r) => r.EndsWith(".tests.yaml", StringComparison.Ordinal);
        bool Yaml(string r) => r.EndsWith(".yaml", StringComparison.Ordinal);
        return target switch
        {
            "rule" => [.. all.Where(f => Rules(f.Relative) && Yaml(f.Relative) && !Tests(f.Relative) && !Sample(f.Relative))
                .Select(f => f.Path)],
            "rule-tests" => [.. all.Where(f => Rules(f.Relative) && Tests(f.Relative)).Select(f => f.Path)],
            "sample" => [.. all.Where(f => Rules(f.Relative) && Sample(f.Relative)).Select(f => f.Path)],
            _ => [.. all.Where(f => !Rules(f.Relative) && Yaml(f.Relative) && !Sample(f.Relative)).Select(f => f.Path)],
        };
    }

    /// <summary>
    /// What CI runs on the mutated file: validate, then its tests — a rule's own test file, a test file itself, every
    /// test of the folder a sample serves, a playbook's folder (its tests sit beside it).
    /// </summary>
    private static IEnumerable<string[]> Commands(string target, string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (target == "sample") folder = Path.GetDirectoryName(folder)!;
        yield return ["validate", "--allow-untested", target == "sample" ? folder : file];
        yield return ["test", target switch
        {
            "rule" => Path.ChangeExtension(file, ".tests.yaml"),
            "rule-tests" => file,
            _ => folder,
        }];
    }

    private CliRun? RunWatched(string[] args)
    {
        CliRun? run = null;
        var worker = new Thread(() => run = CliRun.In(_root, args), maxStackSize: 1536 * 1024) { IsBackground = true };
        worker.Start();
        return worker.Join(PerInputTimeout) ? run : null;
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
