namespace SentinelContent.Content.Catalogs;

/// <summary>An ATT&amp;CK tactic as Sentinel names it (CredentialAccess) with its ATT&amp;CK id (TA0006) where it has one.</summary>
public sealed record AttackTactic(string SentinelName, string? Id, string DisplayName);

/// <summary>An ATT&amp;CK technique or sub-technique and the tactics it serves.</summary>
public sealed record AttackTechnique(string Id, string Name, IReadOnlyList<string> Tactics, bool Deprecated, string? RevokedBy)
{
    public bool IsSubTechnique => Id.Contains('.');

    public string ParentId => IsSubTechnique ? Id[..Id.IndexOf('.')] : Id;
}

/// <summary>MITRE ATT&amp;CK Enterprise tactics and techniques, loaded from Catalogs/Data/attack-enterprise.json.</summary>
public sealed class AttackCatalog
{
    private readonly Dictionary<string, AttackTechnique> _techniques;
    private readonly Dictionary<string, AttackTactic> _tactics;

    private AttackCatalog(string version, IEnumerable<AttackTactic> tactics, IEnumerable<AttackTechnique> techniques)
    {
        Version = version;
        _tactics = tactics.ToDictionary(t => t.SentinelName, StringComparer.Ordinal);
        _techniques = techniques.ToDictionary(t => t.Id, StringComparer.Ordinal);
        TacticNames = [.. _tactics.Keys];
    }

    public static AttackCatalog Default { get; } = Load();

    public string Version { get; }

    public IReadOnlyList<string> TacticNames { get; }

    public IEnumerable<AttackTechnique> Techniques => _techniques.Values;

    public AttackTactic? FindTactic(string sentinelName) => _tactics.GetValueOrDefault(sentinelName);

    public AttackTechnique? FindTechnique(string id) => _techniques.GetValueOrDefault(id);

    private static AttackCatalog Load()
    {
        using var document = EmbeddedData.ReadJson("attack-enterprise.json");
        var root = document.RootElement;
        var tactics = root.GetProperty("tactics").EnumerateArray().Select(t => new AttackTactic(
            t.GetProperty("sentinelName").GetString()!,
            t.TryGetProperty("id", out var id) && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null,
            t.GetProperty("name").GetString()!)).ToList();
        var techniques = root.GetProperty("techniques").EnumerateArray().Select(t => new AttackTechnique(
            t.GetProperty("id").GetString()!,
            t.GetProperty("name").GetString()!,
            [.. t.GetProperty("tactics").EnumerateArray().Select(x => x.GetString()!)],
            t.TryGetProperty("deprecated", out var deprecated) && deprecated.GetBoolean(),
            t.TryGetProperty("revokedBy", out var revokedBy) ? revokedBy.GetString() : null)).ToList();
        return new AttackCatalog(root.GetProperty("attackVersion").GetString()!, tactics, techniques);
    }
}
