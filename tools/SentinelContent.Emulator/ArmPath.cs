namespace SentinelContent.Emulator;

/// <summary>
/// A request path the emulator serves, in one of two shapes:
/// a SecurityInsights collection under a workspace,
/// /subscriptions/{s}/resourceGroups/{rg}/providers/Microsoft.OperationalInsights/workspaces/{ws}/providers/Microsoft.SecurityInsights/{collection}[/{name}],
/// or a resource group's Logic Apps and API connections,
/// /subscriptions/{s}/resourceGroups/{rg}/providers/{Microsoft.Logic/workflows | Microsoft.Web/connections}[/{name}].
/// Literal segments match without regard to case, as ARM's do.
/// </summary>
public sealed record ArmPath(string Scope, string Provider, string Collection, string? Name)
{
    public const string SecurityInsights = "Microsoft.SecurityInsights";
    public const string Logic = "Microsoft.Logic";
    public const string Web = "Microsoft.Web";

    /// <summary>The SecurityInsights collections the emulator serves (what the deployer's content kinds use).</summary>
    public static readonly IReadOnlySet<string> Collections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "alertRules", "metadata", "watchlists", "automationRules",
    };

    /// <summary>The resource-group-level types the emulator serves: provider → resource type.</summary>
    public static readonly IReadOnlyDictionary<string, string> ResourceGroupTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [Logic] = "workflows",
        [Web] = "connections",
    };

    public string CollectionPath => $"{Scope}/providers/{Provider}/{Collection}";

    /// <summary>The resource type ARM reports (Microsoft.Logic/workflows...).</summary>
    public string Type => $"{Provider}/{Collection}";

    public string ResourceId(string name) => $"{CollectionPath}/{Uri.EscapeDataString(name)}";

    public static ArmPath? Parse(string path)
    {
        var s = path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        if (s.Any(string.IsNullOrWhiteSpace)) return null;
        if (s.Length < 7 || !Is(s[0], "subscriptions") || !Is(s[2], "resourceGroups") || !Is(s[4], "providers")) return null;
        var group = $"/subscriptions/{s[1]}/resourceGroups/{s[3]}";
        if (s.Length is 7 or 8 && ResourceGroupTypes.TryGetValue(s[5], out var type) && Is(s[6], type))
        {
            var provider = ResourceGroupTypes.Keys.First(k => Is(k, s[5]));
            return new ArmPath(group, provider, type, s.Length == 8 ? s[7] : null);
        }
        if (s.Length is not (11 or 12)) return null;
        if (!Is(s[5], "Microsoft.OperationalInsights") || !Is(s[6], "workspaces") || !Is(s[8], "providers") ||
            !Is(s[9], SecurityInsights) || !Collections.Contains(s[10]))
            return null;
        var collection = Collections.First(c => Is(c, s[10]));
        return new ArmPath($"{group}/providers/Microsoft.OperationalInsights/workspaces/{s[7]}", SecurityInsights, collection, s.Length == 12 ? s[11] : null);
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
