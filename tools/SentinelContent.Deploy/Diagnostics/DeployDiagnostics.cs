using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Deploy.Diagnostics;

/// <summary>SC06xx: the targets file (sentinel.yaml) and deployable content such as watchlist CSV files.</summary>
public static class DeployDiagnostics
{
    private const string Category = "Deploy";

    private static DiagnosticDescriptor Error(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Error, Category, help);

    private static DiagnosticDescriptor Warning(string code, string title, string format, string help) =>
        new(code, title, format, DiagnosticSeverity.Warning, Category, help);

    public static readonly DiagnosticDescriptor DuplicateEnvironment = Error("SC0601", "Environment named twice",
        "the environment '{0}' is already defined at line {1}; give each environment its own name",
        "Each environment in sentinel.yaml needs a unique name, because `--env NAME` picks one.");
    public static readonly DiagnosticDescriptor InvalidSubscription = Error("SC0602", "Subscription id is not a GUID",
        "the subscriptionId '{0}' is not a GUID (find it with `az account show --query id`)",
        "Azure subscription ids are GUIDs; the name of a subscription is not accepted.");
    public static readonly DiagnosticDescriptor InvalidEndpoint = Error("SC0603", "Endpoint is not a usable URL",
        "the endpoint '{0}' is not usable: {1}",
        "endpoint overrides the ARM endpoint: an absolute https URL (a sovereign cloud), or http on a loopback address for the local emulator (http://127.0.0.1:5099).");
    public static readonly DiagnosticDescriptor InvalidName = Error("SC0604", "Invalid name",
        "'{0}' is not a valid {1}: {2}",
        "Environment names, resource groups and workspace names have Azure's character rules; environment names are letters, digits, '-' and '_'.");
    public static readonly DiagnosticDescriptor UnknownRuleOverride = Warning("SC0605", "Override names no rule",
        "the rule id '{0}' in {1} matches no rule in the repository",
        "An override or protect entry that names nothing is usually a typo or a rule that was removed; remove the entry or fix the id.");
    public static readonly DiagnosticDescriptor DevelopmentCredentialOffLoopback = Error("SC0606", "Development credential off loopback",
        "credential 'development' is only for the local emulator; the endpoint must be http://127.0.0.1:PORT or http://localhost:PORT",
        "The development credential is a fixed, public token that only the emulator accepts; it is refused for any other endpoint.");
    public static readonly DiagnosticDescriptor WatchlistCsvInvalid = Error("SC0610", "Watchlist CSV invalid",
        "{0}",
        "A watchlist is a CSV file with a header row under watchlists/, described by a .yaml file beside it that names the search key column.");
    public static readonly DiagnosticDescriptor WatchlistKeyMissing = Error("SC0611", "Search key not a column",
        "the itemsSearchKey '{0}' is not a column of {1} (columns: {2})",
        "itemsSearchKey names the CSV column that identifies an item; it must be one of the header's columns.");
    public static readonly DiagnosticDescriptor WatchlistDuplicateKey = Error("SC0612", "Watchlist key repeated",
        "the search key value '{0}' appears twice in {1}; keys must be unique",
        "Each watchlist item is identified by its search key value, so two rows with one key would overwrite each other.");

    public static readonly DiagnosticDescriptor PlaybookLocationMissing = Error("SC0613", "Playbooks need a location",
        "the environment '{0}' has no location, and the repository has playbooks to deploy; add `location: REGION` (the resource group's region, e.g. westeurope)",
        "Logic Apps and their connections are regional resources created in the workspace's resource group; sentinel.yaml's location names the region.");
    public static readonly DiagnosticDescriptor PlaybookParameterMissing = Error("SC0614", "Playbook parameter has no value",
        "the playbook parameter '{0}' takes its value from [parameters('{1}')], but the environment '{2}' sets neither playbookParameters.{1} nor playbookSecrets.{1}",
        "A parameter whose value is [parameters('NAME')] is set per environment in sentinel.yaml: playbookParameters for plain values, playbookSecrets (the name of an environment variable) for secrets.");
    public static readonly DiagnosticDescriptor PlaybookSecretUnset = Error("SC0615", "Secret's environment variable is not set",
        "the playbook parameter '{0}' is a secret read from the environment variable {1}, which is not set",
        "Secrets (webhook URLs, keys) never go into the repository: sentinel.yaml's playbookSecrets names an environment variable, which the pipeline fills from its secret store. The value is sent to ARM only.");
    public static readonly DiagnosticDescriptor PlaybookTemplateExpression = Error("SC0616", "Template expression not deployable",
        "the value '{0}' at {1} is an ARM template expression; `deploy` writes resources directly and resolves only [parameters('NAME')] from sentinel.yaml",
        "deploy PUTs the Logic App itself rather than an ARM template, so template functions (variables(), concat(), resourceGroup()...) are not evaluated. Use a playbook parameter set per environment, or deploy the template built by `playbook build`.");
    public static readonly DiagnosticDescriptor SecretInPlainParameters = Error("SC0617", "Secret parameter set in plain text",
        "the playbook parameter '{0}' is a {1}; set it with playbookSecrets (an environment variable), not playbookParameters",
        "Values in sentinel.yaml are in the repository and in plans; secure parameters must come from environment variables.");

    public static readonly DiagnosticDescriptor FingerprintKeyUnset = Warning("SC0618", "Secrets' fingerprint key not set",
        "the playbook '{0}' has secret parameters but the environment variable {1} (the key of their fingerprint) is not set: a rotated secret is not detected until the playbook changes otherwise",
        "A plan cannot read secret values back from ARM, so it compares a fingerprint kept in a tag: an HMAC of the secrets keyed with a random key that only the pipeline holds (docs/security.md), which a reader of the tag cannot test guesses against. Create the key once per environment (`openssl rand -base64 32`), store it in the pipeline's secret store and expose it as this variable (or name another with fingerprintKeyVariable).");
    public static readonly DiagnosticDescriptor FingerprintKeyWeak = Error("SC0619", "Fingerprint key too short",
        "the fingerprint key in {0} is {1} characters long; use a random key of at least {2} characters",
        "The fingerprint key must be random and long, or a reader of the tag could guess it and then test guesses of the secrets. Generate one with `openssl rand -base64 32`.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        DuplicateEnvironment, InvalidSubscription, InvalidEndpoint, InvalidName, UnknownRuleOverride,
        DevelopmentCredentialOffLoopback, WatchlistCsvInvalid, WatchlistKeyMissing, WatchlistDuplicateKey,
        PlaybookLocationMissing, PlaybookParameterMissing, PlaybookSecretUnset, PlaybookTemplateExpression,
        SecretInPlainParameters, FingerprintKeyUnset, FingerprintKeyWeak,
    ];
}
