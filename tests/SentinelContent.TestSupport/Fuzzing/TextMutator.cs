using System.Text;

namespace SentinelContent.TestSupport.Fuzzing;

/// <summary>
/// Mutations of content text for the standing fuzz suite (issue 24, point 7): line-level edits (delete, duplicate,
/// swap, re-indent), truncation, random characters, and scalar values replaced by hostile ones (paths out of the
/// repository, special files, huge and negative numbers, bad times, deep nesting, YAML aliases, lone surrogates, long
/// text, KQL bombs). Deterministic for a seed, so a failure names the input that reproduces it.
/// </summary>
public static class TextMutator
{
    private const string Noise = "\"'`~@!=<>|()[]{}.,;:*+-/%$#?&\\\n\r\t \0\u00e9\u2028\u202e\u001b\ud800xyz019";

    /// <summary>Values a hostile pull request or workspace would put where a scalar belongs.</summary>
    public static readonly string[] HostileValues =
    [
        "../../../../etc/passwd", "/etc/shadow", "/dev/zero", "~/x", "C:\\Windows\\win.ini", "samples/../../x", "a\0b",
        "99999999999999999999999", "-1", "0", "1e308", "NaN", "-0", "2147483648", "PT-1H", "P99999D", "P1D", "0.00:00:00",
        "2026-13-45T99:99:99Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "'", "\"", "|", ">", "null", "~",
        "true", "[]", "{}", "[[[[[[[[[[[[[[[[[[[[", "{a: {a: {a: {a: {a: {a: {a:", "&a [*a, *a, *a]", "*undefined", "!!binary AAAA",
        "\"\\ud800\"", "\u202eevil", "\u001b]52;c;AAAA\u0007", "CON", "NUL.txt", "x".PadRight(300, 'x'),
        "print s = strrep(strrep(strrep('a', 10000), 10000), 10000)", "print x = " + string.Join("+", Enumerable.Repeat("1", 3000)),
        "T | where x matches regex '(a)\\\\1'", "range x from 1 to 100000000 step 1", "let f = () { f() }; f()",
        "AuditLogs | join (AuditLogs) on OperationName | join (AuditLogs) on OperationName",
    ];

    public static string Mutate(string text, Random random)
    {
        var result = text;
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++) result = MutateOnce(result, random);
        return result;
    }

    private static string MutateOnce(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = lines.Count == 0 ? 0 : random.Next(lines.Count);
        switch (random.Next(9))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(line);
                break;
            case 1:
                lines.Insert(line, lines[line]);
                break;
            case 2 when lines.Count > 1:
                var other = random.Next(lines.Count);
                (lines[line], lines[other]) = (lines[other], lines[line]);
                break;
            case 3:
                return text[..random.Next(text.Length + 1)];
            case 4:
            {
                var at = random.Next(text.Length + 1);
                var builder = new StringBuilder();
                for (var n = random.Next(1, 5); n > 0; n--) builder.Append(Noise[random.Next(Noise.Length)]);
                return text.Insert(at, builder.ToString());
            }
            case 5:
                lines[line] = new string(' ', random.Next(0, 9)) + lines[line].TrimStart();
                break;
            default:
            {
                // A scalar after "key: " or "- " replaced by a hostile value, quoted or not.
                var current = lines[line];
                var colon = current.IndexOf(": ", StringComparison.Ordinal);
                var item = current.TrimStart().StartsWith("- ", StringComparison.Ordinal);
                var dash = item ? current.IndexOf("- ", StringComparison.Ordinal) + 2 : -1;
                var cut = colon >= 0 ? colon + 2 : dash;
                if (cut < 0) return text.Insert(random.Next(text.Length + 1), HostileValues[random.Next(HostileValues.Length)]);
                var value = HostileValues[random.Next(HostileValues.Length)];
                var quoted = "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
                lines[line] = current[..cut] + (random.Next(3) == 0 ? quoted : value);
                break;
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>A fuzz loop's size: KQL_FUZZ-style environment variables, else a time budget for CI.</summary>
    public static (long? Iterations, TimeSpan Budget, int Seed) Settings(TimeSpan ciBudget)
    {
        long? iterations = long.TryParse(Environment.GetEnvironmentVariable("SC_FUZZ_ITERATIONS"), out var n) ? n : null;
        var text = Environment.GetEnvironmentVariable("SC_FUZZ_SECONDS");
        var seconds = double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : ciBudget.TotalSeconds;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SC_FUZZ_SEED"), out var given) ? given : 20261207;
        return (iterations, TimeSpan.FromSeconds(seconds), seed);
    }
}
