using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// One listed failure: the case and why it fails. <paramref name="Cited"/>: the reason is written by hand and cites
/// the reference, because the page's documented output is not what a conforming engine must give (a typo, a value
/// against the page's own rules, one of several outputs the page calls correct).
/// </summary>
internal sealed record ReferenceGap(string Id, string Reason, bool Cited = false);

/// <summary>
/// known-reference-gaps.json: the cases the engine fails, each with its reason. Reasons of engine gaps are generated
/// from the failure (<see cref="FailureCauses"/>) and rewritten by a refresh; entries marked cited hold a reason
/// written by hand that cites why the page's documented output is wrong, and a refresh keeps them while they fail.
/// </summary>
internal static class ReferenceGaps
{
    public static string FilePath => Path.Combine(ReferenceCases.Conformance, "known-reference-gaps.json");

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<ReferenceGap> Read() =>
        File.Exists(FilePath) ? JsonSerializer.Deserialize<List<ReferenceGap>>(File.ReadAllText(FilePath), Options) ?? [] : [];

    /// <summary>The list a refresh writes: every failure, with the hand-written reason where the page is wrong, else the generated one.</summary>
    public static IReadOnlyList<ReferenceGap> Refreshed(IReadOnlyList<ReferenceGap> listed, IReadOnlyList<(string Id, string Detail)> failures)
    {
        var cited = listed.Where(g => g.Cited).ToDictionary(g => g.Id, StringComparer.Ordinal);
        return
        [
            .. failures
                .Select(f => cited.TryGetValue(f.Id, out var page) ? page : new ReferenceGap(f.Id, FailureCauses.Reason(f.Detail)))
                .OrderBy(g => g.Id, StringComparer.Ordinal),
        ];
    }

    public static void Write(IReadOnlyList<ReferenceGap> gaps) =>
        File.WriteAllText(FilePath, JsonSerializer.Serialize(gaps, Options).ReplaceLineEndings("\n") + "\n");
}
