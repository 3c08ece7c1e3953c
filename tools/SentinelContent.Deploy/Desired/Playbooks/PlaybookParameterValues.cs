using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Deploy.Diagnostics;
using SentinelContent.Deploy.Targets;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Deploy.Desired.Playbooks;

/// <summary>
/// A playbook's workflow parameter values for one environment. In the repository a value is either a literal
/// or [parameters('NAME')], the template parameter the ARM template of `playbook build` would ask for; deploy
/// has no template, so NAME is looked up in sentinel.yaml: playbookParameters (plain values) or playbookSecrets
/// (an environment variable). Values of secure parameters (SecureString, SecureObject) are write-only: they are
/// PUT but never compared or shown, and a fingerprint of them (a tag) is what tells the plan they changed.
/// </summary>
public sealed partial class PlaybookParameterValues
{
    /// <summary>The tag holding the secrets' fingerprint: a keyed hash, so a rotated secret shows as a change without showing the secret.</summary>
    public const string FingerprintTag = "sentinelcontent-secrets";

    private static readonly HashSet<string> SecureTypes = new(StringComparer.OrdinalIgnoreCase) { "SecureString", "SecureObject" };

    private PlaybookParameterValues(JsonObject compared, JsonObject writeOnly, string? fingerprint)
    {
        Compared = compared;
        WriteOnly = writeOnly;
        Fingerprint = fingerprint;
    }

    /// <summary>Parameter values that the plan compares and shows.</summary>
    public JsonObject Compared { get; }

    /// <summary>Secure parameter values: PUT only.</summary>
    public JsonObject WriteOnly { get; }

    /// <summary>The fingerprint of the secure values, or null when there are none.</summary>
    public string? Fingerprint { get; }

    public static bool IsSecure(JsonObject? definitionParameters, string name) =>
        definitionParameters?[name] is JsonObject p && p["type"] is JsonValue t && t.TryGetValue<string>(out var type) && SecureTypes.Contains(type);

    public static PlaybookParameterValues Resolve(Playbook playbook, TargetEnvironment environment, Func<string, string?> readVariable, List<Diagnostic> diagnostics)
    {
        var definitionParameters = playbook.Definition["parameters"] as JsonObject;
        var compared = new JsonObject();
        var writeOnly = new JsonObject();
        var secrets = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, entry) in playbook.ParameterValues)
        {
            var value = (entry as JsonObject)?["value"];
            var secure = IsSecure(definitionParameters, name);
            var at = playbook.Map.LocationOf(value, entry);
            JsonNode? resolved = value?.DeepClone();
            if (value is JsonValue v && v.TryGetValue<string>(out var text) && IsTemplateExpression(text))
            {
                resolved = null;
                if (TemplateParameter().Match(text) is not { Success: true } match)
                {
                    diagnostics.Add(Diagnostic.Create(DeployDiagnostics.PlaybookTemplateExpression, at, text, $"parameters.{name}"));
                    continue;
                }
                var parameter = match.Groups[1].Value;
                if (environment.PlaybookSecrets.TryGetValue(parameter, out var variable))
                {
                    var secret = readVariable(variable);
                    if (string.IsNullOrEmpty(secret))
                    {
                        diagnostics.Add(Diagnostic.Create(DeployDiagnostics.PlaybookSecretUnset, at, name, variable));
                        continue;
                    }
                    secure = true; // whatever its declared type, a value from playbookSecrets is never shown
                    resolved = secret;
                }
                else if (environment.PlaybookParameters.TryGetValue(parameter, out var plain))
                {
                    if (secure)
                    {
                        diagnostics.Add(Diagnostic.Create(DeployDiagnostics.SecretInPlainParameters, environment.Location ?? SourceLocation.FileOnly(TargetsFormat.FileName), parameter, "secure parameter of " + playbook.Name));
                        continue;
                    }
                    resolved = plain;
                }
                else
                {
                    diagnostics.Add(Diagnostic.Create(DeployDiagnostics.PlaybookParameterMissing, at, name, parameter, environment.Name));
                    continue;
                }
            }
            if (secure)
            {
                writeOnly[name] = new JsonObject { ["value"] = resolved };
                secrets[name] = resolved?.ToJsonString() ?? "null";
            }
            else
            {
                compared[name] = new JsonObject { ["value"] = resolved };
            }
        }
        string? fingerprint = null;
        if (secrets.Count > 0)
        {
            var key = readVariable(environment.FingerprintKeyVariable);
            var where = environment.Location ?? SourceLocation.FileOnly(TargetsFormat.FileName);
            if (string.IsNullOrEmpty(key)) diagnostics.Add(Diagnostic.Create(DeployDiagnostics.FingerprintKeyUnset, where, playbook.Name, environment.FingerprintKeyVariable));
            else if (key.Length < MinKeyLength) diagnostics.Add(Diagnostic.Create(DeployDiagnostics.FingerprintKeyWeak, where, environment.FingerprintKeyVariable, key.Length, MinKeyLength));
            else fingerprint = FingerprintOf(key, playbook.Name, secrets);
        }
        return new PlaybookParameterValues(compared, writeOnly, fingerprint);
    }

    /// <summary>32 base64 characters carry 192 bits: far beyond guessing.</summary>
    public const int MinKeyLength = 32;

    /// <summary>Strings ARM templates evaluate: [ ... ] but not the escaped [[ ... ].</summary>
    public static bool IsTemplateExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && !text.StartsWith("[[", StringComparison.Ordinal);

    /// <summary>Reports every template expression in the workflow definition: deploy cannot evaluate them.</summary>
    public static void CheckDefinition(Playbook playbook, List<Diagnostic> diagnostics)
    {
        Walk(playbook.Definition, "definition");

        void Walk(JsonNode? node, string path)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (key, child) in o) Walk(child, $"{path}.{key}");
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]");
                    break;
                case JsonValue v when v.TryGetValue<string>(out var text) && IsTemplateExpression(text):
                    diagnostics.Add(Diagnostic.Create(DeployDiagnostics.PlaybookTemplateExpression, playbook.Map.LocationOf(v, playbook.Definition), text, path));
                    break;
            }
        }
    }

    /// <summary>
    /// "v2.KEYID.MAC": HMAC-SHA256 over the playbook's name and its secure values, keyed with the environment's
    /// random key, which only the pipeline holds. A reader of the tag cannot test guesses of a secret without the key
    /// (the first version keyed the HMAC with the playbook's name, a public string, so anyone who could read the tag
    /// could check a guessed webhook URL or password offline). KEYID (SHA-256 of the key, 8 hex digits) is a
    /// secret-free reference saying which key made the tag: a rotated key shows as a change and re-sends the secrets.
    /// </summary>
    public static string FingerprintOf(string key, string playbook, IEnumerable<KeyValuePair<string, string>> secrets)
    {
        var text = playbook + "\n" + string.Join("\n", secrets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text));
        var keyId = SHA256.HashData(Encoding.UTF8.GetBytes("sentinelcontent fingerprint key id\n" + key));
        return $"v2.{Convert.ToHexStringLower(keyId)[..8]}.{Convert.ToHexStringLower(mac)[..32]}";
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex TemplateParameter();
}
