namespace SentinelContent.Simulation.Alerts;

/// <summary>An entity as Sentinel extracts it from a result row: its type and the identifiers that had values.</summary>
public sealed record SimulatedEntity(string Type, IReadOnlyDictionary<string, string> Identifiers)
{
    /// <summary>A stable key for merging duplicates and comparing entities across alerts.</summary>
    public string Key => Type + "|" + string.Join("|", Identifiers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}

/// <summary>An alert as the simulator predicts Sentinel would raise it.</summary>
public sealed record SimulatedAlert
{
    public required DateTime RunTime { get; init; }
    public required string DisplayName { get; init; }
    public required string Description { get; init; }
    public required string Severity { get; init; }
    public required IReadOnlyList<string> Tactics { get; init; }
    public required IReadOnlyList<string> Techniques { get; init; }
    public required IReadOnlyList<SimulatedEntity> Entities { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<string>> CustomDetails { get; init; }
    public required IReadOnlyDictionary<string, string> DynamicProperties { get; init; }

    /// <summary>The result rows (0-based) the alert was made from.</summary>
    public required IReadOnlyList<int> Rows { get; init; }

    /// <summary>True for the alert that summarises all events when a run exceeds the per-run alert cap.</summary>
    public bool IsSummary { get; init; }
}
