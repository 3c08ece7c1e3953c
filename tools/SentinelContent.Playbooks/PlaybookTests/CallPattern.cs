using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Simulator;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>A call written in a test, "METHOD URL" or "API METHOD PATH"; URLs may hold * wildcards.</summary>
public sealed record CallPattern(CallKind Kind, string? Api, string Method, string Url, YamlNode Origin)
{
    public static CallPattern? Parse(YamlMapping mapping, out string? error)
    {
        error = null;
        if (mapping["http"] is YamlScalar http)
        {
            var parts = http.Value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2) return new CallPattern(CallKind.Http, null, parts[0].ToUpperInvariant(), parts[1], http);
            error = $"'{http.Value}' must be METHOD URL, for example POST https://graph.microsoft.com/v1.0/users/*/revokeSignInSessions";
            return null;
        }
        if (mapping["connector"] is YamlScalar connector)
        {
            var parts = connector.Value.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 3) return new CallPattern(CallKind.Connector, parts[0], parts[1].ToUpperInvariant(), parts[2], connector);
            error = $"'{connector.Value}' must be API METHOD PATH, for example azuresentinel POST /Incidents/Comment";
            return null;
        }
        error = "a call needs http: METHOD URL or connector: API METHOD PATH";
        return null;
    }

    public bool Matches(OutboundCall call) =>
        call.Kind == Kind
        && string.Equals(call.Method, Method, StringComparison.OrdinalIgnoreCase)
        && (Kind == CallKind.Http || string.Equals(call.Api, Api, StringComparison.OrdinalIgnoreCase))
        && Glob.Matches(Url, call.Url);

    public override string ToString() => Kind == CallKind.Http ? $"{Method} {Url}" : $"{Api} {Method} {Url}";
}

/// <summary>Wildcard matching where * stands for any run of characters (no regular expressions).</summary>
public static class Glob
{
    public static bool Matches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, mark = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = t; }
            else if (p < pattern.Length && pattern[p] == text[t]) { p++; t++; }
            else if (star >= 0) { p = star + 1; t = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
