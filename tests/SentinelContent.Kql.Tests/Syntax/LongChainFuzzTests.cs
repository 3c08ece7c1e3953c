using System.Diagnostics;
using System.Text;
using SentinelContent.Kql.Check;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Tests.Evaluation;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>
/// Issue 24, D1 and "no recursion without a guard": the parser builds left-deep chains in loops, and every later
/// stage walked them recursively, so 6,000 `+` terms (12 KB) aborted the process with a stack overflow. These tests
/// generate the long-chain shapes (binary operators, paths, element access, pipes, nested calls, nested and chained
/// lets, mixtures) up to 10x Sentinel's query length limit (10,000 characters, docs/rule-format.md) and run each
/// through parse, bind (kql check) and the engine on a worker thread with a 1 MiB stack, smaller than any thread
/// sentinelctl runs on: each ends in a result or a diagnostic, never a crash.
/// </summary>
public sealed class LongChainFuzzTests
{
    private const int ReferenceQueryLimit = 10_000;
    private const int FuzzLength = 10 * ReferenceQueryLimit;
    private static readonly TimeSpan CiBudget = TimeSpan.FromSeconds(8);
    private const int MinimumInputs = 20;

    /// <summary>The chain shapes: a prefix, a repeated link, a suffix (for shapes that close what they open).</summary>
    private static readonly (string Name, string Prefix, string Link, string Suffix)[] Shapes =
    [
        ("plus", "print x = 1", " + 1", ""),
        ("or", "print x = true", " or false", ""),
        ("and", "print x = true", " and true", ""),
        ("concat", "print x = strcat('a'", ", 'b'", ")"),
        ("path", "print x = dynamic({'a':1})", ".a", ""),
        ("element", "print x = dynamic([1])", "[0]", ""),
        ("pipes", "print x = 1", " | where true", ""),
        ("extend", "print x = 1", " | extend x = x + 1", ""),
        ("calls", "print x = ", "abs(", "1"),
        ("unary", "print x = ", "-", "1"),
        ("parens", "print x = ", "(", "1"),
        ("lets", "", "let a = 1; ", "print a"),
        ("let-chain", "let a0 = 1; ", "let a0 = a0 + 1; ", "print a0"),
        ("nested-let", "let f = () { ", "let f = () { ", "1"),
        ("subquery", "print x = toscalar(", "toscalar(print ", "1"),
    ];

    public static TheoryData<string> ShapeNames => [.. Shapes.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void The_original_shape_at_ten_times_the_query_limit_is_a_diagnostic_never_a_crash(string name)
    {
        var shape = Shapes.Single(s => s.Name == name);
        var query = Build(shape, FuzzLength);
        Assert.True(query.Length >= FuzzLength - 64, $"{name}: {query.Length} characters");
        var outcome = RunGuarded(query);
        Assert.True(outcome.Failure is null, $"{name}: {outcome.Failure}");
        // Chains that deepen the tree are refused with SC0207; flat sequences of statements are legitimate and run.
        // (strcat of thousands of arguments is flat too, and is over strcat's 64 arguments: SC0304.)
        if (name is "lets" or "let-chain") Assert.Empty(outcome.Diagnostics);
        else if (name is "concat") Assert.Contains("SC0304", outcome.Diagnostics);
        else Assert.Contains("SC0207", outcome.Diagnostics);
    }

    [Fact]
    public void The_findings_inputs_give_sc0207()
    {
        // D1's inputs: 6,000 `+` terms (12 KB), 6,000 `.a` paths, 9,000 `[0]` and 9,000 pipes.
        foreach (var query in new[]
        {
            "print x = " + string.Join("+", Enumerable.Repeat("1", 6000)),
            "print x = dynamic({})" + string.Concat(Enumerable.Repeat(".a", 6000)),
            "print x = dynamic([])" + string.Concat(Enumerable.Repeat("[0]", 9000)),
            "print x = 1 " + string.Concat(Enumerable.Repeat("| where true ", 9000)),
        })
        {
            var outcome = RunGuarded(query);
            Assert.True(outcome.Failure is null, outcome.Failure);
            Assert.Contains("SC0207", outcome.Diagnostics);
            var tree = KqlSyntaxTree.Parse(query);
            Assert.Equal(query, tree.ToFullString());
            Assert.Contains(tree.Diagnostics, d => d.Code == "SC0207");
        }
    }

    [Fact]
    public void Chains_just_under_the_depth_bound_still_run_and_give_the_right_answer()
    {
        // 480 `+` terms: a long but legitimate expression (a 10,000-character rule fits several hundred terms).
        var query = "print x = " + string.Join(" + ", Enumerable.Repeat("1", 480));
        DataTable? result = null;
        Exception? error = null;
        var worker = new Thread(() =>
        {
            try { result = new KqlEngine().Run(query, new Dictionary<string, DataTable>(), EngineTestSupport.Now); }
            catch (Exception e) { error = e; }
        }, maxStackSize: 1536 * 1024);
        worker.Start();
        worker.Join();
        Assert.Null(error);
        Assert.Equal("480", ValueText.Of(result!.Columns[0], 0));
    }

    [Fact]
    public void Random_mixtures_of_long_chains_end_in_a_result_or_a_diagnostic()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("KQL_FUZZ_SEED"), out var s) ? s : 20261207;
        var iterations = long.TryParse(Environment.GetEnvironmentVariable("KQL_CHAIN_FUZZ_ITERATIONS"), out var n) ? n : (long?)null;
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var count = 0L;
        // At least MinimumInputs, however loaded the machine: the budget bounds the time, not the meaning.
        while (iterations is { } limit ? count < limit : clock.Elapsed < CiBudget || count < MinimumInputs)
        {
            var query = Mix(random);
            var outcome = RunGuarded(query);
            Assert.True(outcome.Failure is null,
                $"{outcome.Failure} (input {count}, seed {seed}, {query.Length} characters: {Preview(query)})");
            count++;
        }

        TestContext.Current.TestOutputHelper!.WriteLine(
            $"KQL chain fuzz: {count} inputs in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}), no crash");
        Assert.True(count >= Math.Min(MinimumInputs, iterations ?? MinimumInputs), "The fuzz loop ran too few inputs to mean anything.");
    }

    /// <summary>Chains of random shapes and lengths (up to 10x the query limit), nested inside each other.</summary>
    private static string Mix(Random random)
    {
        var target = random.Next(4) == 0 ? FuzzLength : random.Next(10, FuzzLength / 4);
        var builder = new StringBuilder("print x = ");
        var closers = new Stack<string>();
        while (builder.Length < target)
        {
            switch (random.Next(8))
            {
                case 0: builder.Append("abs("); closers.Push(")"); break;
                case 1: builder.Append('('); closers.Push(")"); break;
                case 2: builder.Append("toscalar(print "); closers.Push(")"); break;
                case 3: builder.Append('-'); break;
                default:
                    var shape = Shapes[random.Next(10)];
                    var links = random.Next(1, random.Next(2) == 0 ? 50 : 3000);
                    builder.Append('(').Append(shape.Prefix.Replace("print x = ", "", StringComparison.Ordinal));
                    for (var i = 0; i < links && builder.Length < target; i++) builder.Append(shape.Link);
                    builder.Append(shape.Suffix).Append(')');
                    break;
            }
        }

        builder.Append('1');
        while (closers.Count > 0) builder.Append(closers.Pop());
        return builder.ToString();
    }

    private static string Build((string Name, string Prefix, string Link, string Suffix) shape, int length)
    {
        var builder = new StringBuilder(shape.Prefix);
        var closing = shape.Name switch { "calls" or "parens" or "subquery" => ")", "nested-let" => " }; f()", _ => "" };
        var links = 0;
        while (builder.Length + shape.Suffix.Length + (links + 1) * closing.Length + shape.Link.Length <= length)
        {
            builder.Append(shape.Link);
            links++;
        }

        builder.Append(shape.Suffix);
        if (shape.Name == "nested-let")
        {
            for (var i = 0; i < links; i++) builder.Append(" }; f()");
            builder.Append(" }; print x = f()");
        }
        else
        {
            for (var i = 0; i < links; i++) builder.Append(closing);
        }

        return builder.ToString();
    }

    /// <summary>Parse, kql check and the engine on a 1 MiB stack; any exception other than a diagnostic is a failure.</summary>
    private static (string? Failure, List<string> Diagnostics) RunGuarded(string query)
    {
        string? failure = null;
        var codes = new List<string>();
        var worker = new Thread(() =>
        {
            try
            {
                var tree = KqlSyntaxTree.Parse(query);
                if (tree.ToFullString() != query) failure = "the tree does not reproduce the text";
                codes.AddRange(tree.Diagnostics.Select(d => d.Code));
                var check = KqlCheckService.CheckQuery("q", query);
                codes.AddRange(check.SyntaxErrors.Concat(check.Errors).Select(e => e.Code));
                try
                {
                    new KqlEngine(limits: new EvaluationLimits { Timeout = TimeSpan.FromSeconds(20) })
                        .Run(query, new Dictionary<string, DataTable>(), EngineTestSupport.Now);
                }
                catch (KqlEvaluationException e)
                {
                    codes.AddRange(e.Diagnostics.Select(d => d.Code));
                }
            }
            catch (Exception e)
            {
                failure = $"{e.GetType().Name}: {e.Message}";
            }
        }, maxStackSize: 1024 * 1024);
        worker.Start();
        if (!worker.Join(TimeSpan.FromSeconds(60))) failure = "did not finish within 60 s";
        return (failure, codes);
    }

    private static string Preview(string query) => query.Length <= 120 ? query : query[..120] + "...";
}
