namespace SentinelContent.Playbooks.Compiler;

/// <summary>Fixed strings of the Logic Apps and Sentinel formats that the compiler writes and the importer recognises.</summary>
public static class WorkflowNames
{
    public const string DefinitionSchema = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#";
    public const string ContentVersion = "1.0.0.0";
    public const string ConnectionsParameter = "$connections";
    public const string CallbackUrl = "@{listCallbackUrl()}";
    public const string SentinelApi = "azuresentinel";

    /// <summary>The expression a connector action uses to name its connection (fact sheet §1.3).</summary>
    public static string ConnectionReference(string key) => $"@parameters('$connections')['{key}']['connectionId']";

    /// <summary>The key named by <see cref="ConnectionReference"/>, or null when the text has another shape.</summary>
    public static string? ConnectionKeyOf(string reference)
    {
        const string prefix = "@parameters('$connections')['";
        const string suffix = "']['connectionId']";
        if (!reference.StartsWith(prefix, StringComparison.Ordinal) || !reference.EndsWith(suffix, StringComparison.Ordinal)) return null;
        var key = reference[prefix.Length..^suffix.Length];
        return key.Length == 0 || key.Contains('\'') ? null : key;
    }
}
