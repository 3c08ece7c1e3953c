using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Expressions;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>
/// No secret written inline: credentials in HTTP authentication, secret-bearing headers and query parameters,
/// bearer tokens, and parameters whose name says they hold a secret must come from SecureString parameters
/// (an expression), never from literal text that would land in the template and the run history.
/// </summary>
public sealed class SecretCheck : IPlaybookCheck
{
    // Where each HTTP authentication type keeps its secret (Logic Apps HTTP authentication reference).
    private static readonly Dictionary<string, string[]> AuthenticationSecrets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Basic"] = ["password"],
        ["ClientCertificate"] = ["pfx", "password"],
        ["ActiveDirectoryOAuth"] = ["secret", "pfx", "password"],
        ["Raw"] = ["value"],
    };

    private static readonly HashSet<string> SecretHeaders = new(["Authorization", "Proxy-Authorization", "x-api-key", "api-key", "apikey", "x-apikey", "Ocp-Apim-Subscription-Key", "x-functions-key", "X-Auth-Token", "Cookie"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> SecretQueries = new(["code", "api_key", "apikey", "api-key", "key", "sig", "access_token", "token", "client_secret", "password"], StringComparer.OrdinalIgnoreCase);
    private static readonly string[] SecretNameParts = ["password", "secret", "apikey", "api_key", "token", "credential"];

    public void Check(PlaybookCheckContext context)
    {
        foreach (var site in context.Sites.Where(s => s.Kind == ActionKinds.Http))
        {
            if (site.Action["inputs"] is not JsonObject inputs) continue;
            if (inputs["authentication"] is JsonObject authentication && JsonRead.Text(authentication["type"]) is { } type && AuthenticationSecrets.TryGetValue(type, out var fields))
            {
                foreach (var field in fields) Literal(context, site, authentication[field], $"authentication.{field} of '{site.Name}'");
            }
            foreach (var (header, value) in inputs["headers"] as JsonObject ?? [])
            {
                if (SecretHeaders.Contains(header)) Literal(context, site, value, $"the header {header} of '{site.Name}'");
            }
            foreach (var (query, value) in inputs["queries"] as JsonObject ?? [])
            {
                if (SecretQueries.Contains(query)) Literal(context, site, value, $"the query parameter {query} of '{site.Name}'");
            }
        }
        foreach (var (name, node) in context.Playbook.Definition["parameters"] as JsonObject ?? [])
        {
            if (node is not JsonObject parameter || !LooksSecret(name)) continue;
            var type = JsonRead.Text(parameter["type"]) ?? string.Empty;
            var hasValue = JsonRead.Text(parameter["defaultValue"]) is { Length: > 0 } || context.Playbook.ParameterValues[name] is not null;
            if (!type.StartsWith("Secure", StringComparison.OrdinalIgnoreCase) && hasValue)
                context.Report(PlaybookDiagnostics.InlineSecret, context.LocationOf(parameter), $"the parameter '{name}' looks like a secret but has type {type} and a value; make it SecureString and supply the value at deployment");
        }
    }

    private static bool LooksSecret(string name) => SecretNameParts.Any(p => name.Contains(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Literal text (not an expression, not empty) where a secret belongs is a secret written inline.</summary>
    private static void Literal(PlaybookCheckContext context, ActionSite site, JsonNode? value, string what)
    {
        if (JsonRead.Text(value) is not { Length: > 0 } text) return;
        if (TemplateParser.MayContainExpression(text) && TemplateParser.Parse(text).Expressions.Any()) return;
        if (text.StartsWith('[') && text.EndsWith(']')) return; // an ARM template expression: filled in at deployment
        context.Report(PlaybookDiagnostics.InlineSecret, context.LocationOf(value, site.Action), $"{what} is written inline; use a SecureString parameter (@parameters('NAME')) or managed identity");
    }
}
