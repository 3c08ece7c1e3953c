namespace SentinelContent.Playbooks.Format;

/// <summary>A Microsoft Sentinel connector trigger: the word used in YAML, the designer's default name and the webhook path.</summary>
public sealed record SentinelTrigger(string Kind, string DefaultName, string PathPrefix, string Description)
{
    public bool TakesEntityType => Kind == "entity";

    public string PathFor(string? entityType) => TakesEntityType ? $"{PathPrefix}@{{encodeURIComponent('{entityType}')}}" : PathPrefix;
}

/// <summary>The Sentinel triggers (fact sheet §3.1): all ApiConnectionWebhook on the azuresentinel connector.</summary>
public static class SentinelTriggers
{
    public static readonly SentinelTrigger Incident = new("incident", "Microsoft_Sentinel_incident", "/incident-creation", "Runs on an incident (from an automation rule); triggerBody() is the incident with its alerts and entities.");
    public static readonly SentinelTrigger Alert = new("alert", "Microsoft_Sentinel_alert", "/subscribe", "Runs on an alert; triggerBody() is the alert with PascalCase keys (SystemAlertId, Entities).");
    public static readonly SentinelTrigger Entity = new("entity", "Microsoft_Sentinel_entity", "/entity/", "Runs on demand on one entity; needs entityType (Account, Host, IP, URL, FileHash, DNS...).");

    public static IReadOnlyList<SentinelTrigger> All { get; } = [Incident, Alert, Entity];

    public static SentinelTrigger? Find(string kind) => All.FirstOrDefault(t => t.Kind == kind);
}
