using System.CommandLine;
using SentinelContent.Kql.Evaluation;

namespace SentinelContent.Cli.Commands;

/// <summary>
/// `--max-memory` on every command that runs queries locally (query, test, check, backtest): the memory bound of a run
/// (<see cref="MemoryBudget"/>), checked inside operators and functions; past it the query fails with SC0805.
/// </summary>
internal static class MaxMemoryOption
{
    public static Option<string?> Create() => new("--max-memory")
    {
        Description = "The most memory a local query run may hold: 2GiB, 512MiB, 1.5GB or a number of bytes " +
            $"(default {MemoryBudgetExceededException.Size(MemoryBudget.DefaultLimit)}: half the memory available, at most 8 GiB). " +
            "Checked inside operators and functions; past it the query fails with SC0805.",
    };

    /// <summary><paramref name="limits"/> with the bound <paramref name="text"/> gives, or an error for the user.</summary>
    public static bool TryApply(string? text, EvaluationLimits limits, out EvaluationLimits result, out string error)
    {
        result = limits;
        error = string.Empty;
        if (text is null) return true;
        if (!MemoryBudget.TryParseSize(text, out var bytes) || bytes < 1L << 20)
        {
            error = $"--max-memory: '{text}' is not a size of at least 1 MiB such as 512MiB, 2GiB or 1.5GB";
            return false;
        }

        result = limits with { MaxMemory = bytes };
        return true;
    }
}
