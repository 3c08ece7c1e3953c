using System.Diagnostics;
using System.Globalization;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Tests.Infrastructure;

namespace SentinelContent.Kql.Tests.Syntax;

/// <summary>
/// Mutates corpus queries (delete, duplicate or swap tokens, truncate, insert random characters)
/// with a fixed seed and checks that parsing never throws, never hangs and still round-trips.
/// CI runs a bounded time; KQL_FUZZ_ITERATIONS=1000000 (and optionally KQL_FUZZ_SEED) runs a long
/// campaign on demand.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan CiBudget = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan PerParseTimeout = TimeSpan.FromSeconds(5);

    // Characters that stress the lexer: quotes, fences, brackets, operators, controls, non-ASCII, lone surrogates.
    private const string Noise = "\"'`~@h!=<>|()[]{}.,;:*+-/%$#?\\\n\r\t \0\u00e9\u2028\ud800\udc00xyz019";

    [Fact]
    public void Mutated_queries_parse_without_crash_hang_or_loss()
    {
        var iterations = ReadEnvironmentInt("KQL_FUZZ_ITERATIONS");
        var seed = ReadEnvironmentInt("KQL_FUZZ_SEED") ?? 20261126;
        var sources = QueryCorpus.All.Select(q => q.Query).ToArray();
        var clock = Stopwatch.StartNew();

        // One worker parses the inputs in sequence; this thread watches it, so a hang is caught
        // per parse (PerParseTimeout) without starting a thread per input.
        var count = 0L;
        var current = string.Empty;
        var parseStartedTicks = 0L;
        string? failure = null;
        var worker = new Thread(() =>
        {
            var random = new Random(seed);
            while (failure is null && (iterations is { } limit ? Volatile.Read(ref count) < limit : clock.Elapsed < CiBudget))
            {
                var input = Mutate(sources[random.Next(sources.Length)], random);
                Volatile.Write(ref current, input);
                Volatile.Write(ref parseStartedTicks, clock.ElapsedTicks);
                failure = Check(input);
                if (failure is not null) failure += $" (iteration {count}, seed {seed})";
                Interlocked.Increment(ref count);
            }

            Volatile.Write(ref parseStartedTicks, 0);
        }, maxStackSize: 1024 * 1024) { IsBackground = true };
        worker.Start();

        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            var started = Volatile.Read(ref parseStartedTicks);
            if (started != 0 && clock.ElapsedTicks - started > PerParseTimeout.TotalSeconds * Stopwatch.Frequency)
                Assert.Fail($"Parse did not finish within {PerParseTimeout} (iteration {Volatile.Read(ref count)}, seed {seed}): {Preview(Volatile.Read(ref current))}");
        }

        Assert.True(failure is null, failure);
        TestContext.Current.TestOutputHelper!.WriteLine(
            $"KQL fuzz: {count} inputs in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}), no crash, hang or round-trip loss");
        Assert.True(count > 100, "The fuzz loop ran too few inputs to mean anything.");
    }

    [Fact]
    public void Deep_mutation_of_nesting_characters_is_bounded()
    {
        // Unbalanced openers at scale: the worst case for recursive descent.
        foreach (var opener in new[] { "(", "[", "{", "dynamic([", "f(", "-", "T | where (" })
        {
            var input = string.Concat(Enumerable.Repeat(opener, 5000));
            string? failure = null;
            var worker = new Thread(() => failure = Check(input), maxStackSize: 1024 * 1024);
            worker.Start();
            Assert.True(worker.Join(PerParseTimeout), $"Parse of {opener} x 5000 did not finish within {PerParseTimeout}");
            Assert.True(failure is null, failure);
        }
    }

    /// <summary>Parses one input; returns what went wrong, or null.</summary>
    private static string? Check(string input)
    {
        try
        {
            var tree = KqlSyntaxTree.Parse(input);
            return tree.ToFullString() == input ? null : $"Round trip lost text: {Preview(input)}";
        }
        catch (Exception ex)
        {
            return $"Parse threw {ex.GetType().Name}: {ex.Message}\n{Preview(input)}";
        }
    }

    internal static string Mutate(string source, Random random)
    {
        var tokens = KqlSyntaxTree.Parse(source).Root.DescendantTokens().Where(t => !t.IsMissing && t.FullSpan.Length > 0).ToList();
        var mutations = 1 + random.Next(3);
        var text = source;
        for (var m = 0; m < mutations; m++)
        {
            if (text.Length == 0) text = "T";
            switch (random.Next(6))
            {
                case 0 when tokens.Count > 0: // delete a token
                    var deleted = tokens[random.Next(tokens.Count)].Span;
                    if (deleted.End <= text.Length) text = text.Remove(deleted.Start, deleted.Length);
                    break;
                case 1 when tokens.Count > 0: // duplicate a token
                    var duplicated = tokens[random.Next(tokens.Count)].Span;
                    if (duplicated.End <= text.Length) text = text.Insert(duplicated.End, " " + text.Substring(duplicated.Start, duplicated.Length));
                    break;
                case 2 when tokens.Count > 1: // swap two adjacent tokens
                    var i = random.Next(tokens.Count - 1);
                    var (a, b) = (tokens[i].Span, tokens[i + 1].Span);
                    if (b.End <= text.Length && a.End <= b.Start)
                        text = text[..a.Start] + text.Substring(b.Start, b.Length) + text[a.End..b.Start] + text.Substring(a.Start, a.Length) + text[b.End..];
                    break;
                case 3: // truncate
                    text = text[..random.Next(text.Length + 1)];
                    break;
                default: // insert random characters
                    var position = random.Next(text.Length + 1);
                    var noise = new char[1 + random.Next(4)];
                    for (var n = 0; n < noise.Length; n++) noise[n] = Noise[random.Next(Noise.Length)];
                    text = text.Insert(position, new string(noise));
                    break;
            }

            tokens = [];
        }

        return text;
    }

    private static int? ReadEnvironmentInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Preview(string input) => input.Length <= 300 ? input : input[..300] + "...";
}
