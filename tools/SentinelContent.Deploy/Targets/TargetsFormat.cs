using SentinelContent.Format;

namespace SentinelContent.Deploy.Targets;

/// <summary>
/// The targets file (sentinel.yaml at the repository root) as data: the reader's checks and the editor
/// schema (docs/schemas/targets.schema.json) both come from this one description.
/// </summary>
public static class TargetsFormat
{
    public const string FileName = "sentinel.yaml";

    public static readonly IReadOnlyList<string> CredentialNames = ["default", "workload-identity", "azure-cli", "development"];

    public static readonly FieldSpec Root = new("targets", FieldType.Object, "Where this repository's content is deployed: one entry per Sentinel workspace (environment).")
    {
        Fields =
        [
            new("repository", FieldType.String, "The name this repository records as owner (metadata source name) on everything it deploys. Prune deletes only items recorded with this name; keep it stable and unique among the repositories that deploy to a workspace.")
            {
                Required = RequiredFor.All, MinLength = 1, MaxLength = 128,
            },
            new("environments", FieldType.ObjectList, "The workspaces to deploy to; `sentinelctl deploy plan --env NAME` picks one.")
            {
                Required = RequiredFor.All,
                MinItems = 1,
                Fields =
                [
                    new("name", FieldType.String, "The environment's name (dev, prod...): letters, digits, '-' and '_'.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 64 },
                    new("subscriptionId", FieldType.String, "The Azure subscription id (a GUID).") { Required = RequiredFor.All, MinLength = 1 },
                    new("resourceGroup", FieldType.String, "The resource group of the Log Analytics workspace.") { Required = RequiredFor.All, MinLength = 1, MaxLength = 90 },
                    new("workspace", FieldType.String, "The Log Analytics workspace with Microsoft Sentinel enabled.") { Required = RequiredFor.All, MinLength = 4, MaxLength = 63 },
                    new("endpoint", FieldType.String, "Optional ARM endpoint: a sovereign cloud (https://management.usgovcloudapi.net) or the local emulator (http://127.0.0.1:5099). Default: https://management.azure.com."),
                    new("credential", FieldType.Enum, "How to sign in: default (DefaultAzureCredential), workload-identity (OIDC in CI), azure-cli (az login) or development (the emulator's token, loopback only). The command line's --credential wins.")
                    {
                        Values = CredentialNames,
                    },
                    new("parallelism", FieldType.Integer, "How many ARM writes run at once (default 8).") { Minimum = 1, Maximum = 64 },
                    new("disableAllRules", FieldType.Boolean, "Deploy every analytics rule disabled (for example in dev, where alerts would be noise)."),
                    new("disabledRules", FieldType.StringList, "Ids of analytics rules deployed disabled in this environment."),
                    new("watchlistAliases", FieldType.StringMap, "Watchlist alias in the repository → alias in this workspace (when the environments name them differently)."),
                    new("location", FieldType.String, "The Azure region of the resource group (westeurope...): where playbooks (Logic Apps) and their connections are created. Required when the repository has playbooks.") { MinLength = 1, MaxLength = 64 },
                    new("tenantId", FieldType.Guid, "The Entra ID tenant of the playbooks, written into automation rules' RunPlaybook actions (optional)."),
                    new("playbookParameters", FieldType.StringMap, "Playbook parameter → value in this environment, for parameters whose value is [parameters('NAME')] (group ids, mailboxes). Never put secrets here."),
                    new("playbookSecrets", FieldType.StringMap, "Secret playbook parameter → the name of the environment variable holding its value (a webhook URL, say). The value is sent to ARM only, never shown in a plan or written to a file."),
                    new("fingerprintKeyVariable", FieldType.String, "The environment variable holding this environment's random key for the secrets' fingerprint (default SENTINELCTL_FINGERPRINT_KEY); see docs/security.md.") { MinLength = 1, MaxLength = 128 },
                    new("massDeleteThreshold", FieldType.Integer, "Percentage of the items this repository owns in the workspace above which a plan that deletes them stops unless --allow-mass-delete (default 20).") { Minimum = 0, Maximum = 100 },
                    new("protect", FieldType.StringList, "Resource names (rule ids, watchlist aliases) that are never deleted here, even with --prune and even when this repository owns them."),
                ],
            },
        ],
    };
}
