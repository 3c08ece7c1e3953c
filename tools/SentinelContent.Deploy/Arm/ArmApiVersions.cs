namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The one place where api-versions are pinned. Every request the deployer makes reads its version from here,
/// so moving to a newer API is one reviewed change (and the emulator accepts exactly these).
/// </summary>
public static class ArmApiVersions
{
    /// <summary>Microsoft.SecurityInsights (alert rules, metadata, watchlists, automation rules): the latest stable version.</summary>
    public const string SecurityInsights = "2024-09-01";

    /// <summary>Microsoft.OperationalInsights (the workspace, its tables' schemas, saved searches and functions): the latest stable version.</summary>
    public const string OperationalInsights = "2025-02-01";
}
