namespace SentinelContent.Emulator;

/// <summary>
/// A request path under a Sentinel workspace:
/// /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{ws}/providers/Microsoft.SecurityInsights/{collection}[/{name}]
/// Literal segments match without regard to case, as ARM's do.
/// </summary>
public sealed record ArmPath(string Scope, string Collection, string? Name)
{
    /// <summary>The SecurityInsights collections the emulator serves (what the deployer's content kinds use).</summary>
    public static readonly IReadOnlySet<string> Collections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alertRules", "metadata", "watchlists", "automationRules",
    };

    public string CollectionPath => $"{Scope}/providers/Microsoft.SecurityInsights/{Collection}";

    public string ResourceId(string name) => $"{CollectionPath}/{Uri.EscapeDataString(name)}";

    public static ArmPath? Parse(string path)
    {
        var s = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (s.Length is not (11 or 12)) return null;
        if (!Is(s[0], "subscriptions") || !Is(s[2], "resourceGroups") || !Is(s[4], "providers") ||
            !Is(s[5], "Microsoft.OperationalInsights") || !Is(s[6], "workspaces") || !Is(s[8], "providers") ||
            !Is(s[9], "Microsoft.SecurityInsights") || !Collections.Contains(s[10]))
            return null;
        if (s.Any(string.IsNullOrWhiteSpace)) return null;
        var collection = Collections.First(c => Is(c, s[10]));
        var scope = $"/subscriptions/{s[1]}/resourceGroups/{s[3]}/providers/Microsoft.OperationalInsights/workspaces/{s[7]}";
        return new ArmPath(scope, collection, s.Length == 12 ? s[11] : null);
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
