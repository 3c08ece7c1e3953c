using System.Text.Json.Nodes;
using SentinelContent.Format;
using SentinelContent.Core.Text;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Json;
using SentinelContent.Playbooks.Simulator;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>Compares a simulated run with a test's expect: block; each difference is one diagnostic at the expectation.</summary>
internal static class ExpectationChecker
{
    public static void Check(RunResult result, YamlMapping expect, Located<string> test, List<Diagnostic> failures)
    {
        // Calls no mock answered always fail the test: tests never reach Azure.
        foreach (var call in result.UnansweredCalls)
            failures.Add(Diagnostic.Create(PlaybookDiagnostics.UnmatchedCall, test.Location, test.Value, call.Action, call.Kind == CallKind.Http ? call.Method : $"{call.Api} {call.Method}", call.Url));

        if (YamlValues.Text(expect["status"]) is { } status && !string.Equals(status.Value, result.Status, StringComparison.OrdinalIgnoreCase))
            Fail(failures, test, status.Location, $"the run ended {result.Status}, expected {status.Value}{Because(result)}");

        if (expect["calls"] is YamlSequence calls) CheckCalls(result, calls, test, failures);

        if (expect["actions"] is YamlMapping actions)
        {
            foreach (var entry in actions.Entries)
            {
                var expected = (entry.Value as YamlScalar)?.Value ?? string.Empty;
                var actual = result.ActionStatuses.TryGetValue(entry.Key.Value, out var s) ? s : "not run (no such action)";
                if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
                    Fail(failures, test, entry.Key.Location, $"the action '{entry.Key.Value}' ended {actual}, expected {expected}{Because(result, entry.Key.Value)}");
            }
        }

        if (expect["incident"] is YamlMapping incident) CheckIncident(result.Incident, incident, test, failures);
    }

    private static void CheckCalls(RunResult result, YamlSequence calls, Located<string> test, List<Diagnostic> failures)
    {
        var expected = calls.Items.OfType<YamlMapping>().ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            var pattern = CallPattern.Parse(expected[i], out var error);
            if (pattern is null) { Fail(failures, test, expected[i].Location, error!); continue; }
            if (i >= result.Calls.Count)
            {
                Fail(failures, test, expected[i].Location, $"call {i + 1} should be {pattern}, but the run made only {result.Calls.Count} call(s){Because(result)}");
                continue;
            }
            var actual = result.Calls[i];
            if (!pattern.Matches(actual))
            {
                Fail(failures, test, expected[i].Location, $"call {i + 1} was {actual} (by '{actual.Action}'), expected {pattern}");
                continue;
            }
            if (expected[i]["body"] is { } body && !YamlValues.IsAbsent(body) && JsonSubset.FirstMismatch(YamlToJson.Convert(body, new SourceMap()), actual.Body) is { } mismatch)
                Fail(failures, test, body.Location, $"call {i + 1} ({actual}): {mismatch}");
            foreach (var text in YamlValues.TextList(expected[i]["bodyContains"]))
            {
                var bodyText = actual.Body is JsonValue v && Values.AsString(v) is { } s ? s : actual.Body?.ToJsonString() ?? string.Empty;
                if (!bodyText.Contains(text.Value, StringComparison.Ordinal))
                    Fail(failures, test, text.Location, $"call {i + 1} ({actual}): the body does not contain '{text.Value}'");
            }
        }
        if (result.Calls.Count > expected.Count)
            Fail(failures, test, calls.Location, $"the run made {result.Calls.Count} calls, expected {expected.Count}; the first unexpected one is {result.Calls[expected.Count]} (by '{result.Calls[expected.Count].Action}')");
    }

    private static void CheckIncident(IncidentState incident, YamlMapping expected, Located<string> test, List<Diagnostic> failures)
    {
        Compare("severity", incident.Severity);
        Compare("status", incident.Status);
        Compare("classification", incident.Classification);
        Compare("owner", incident.Owner);
        if (YamlValues.Integer(expected["comments"]) is { } count && count.Value != incident.Comments.Count)
            Fail(failures, test, count.Location, $"the run added {incident.Comments.Count} comment(s), expected {count.Value}");
        foreach (var text in YamlValues.TextList(expected["commentContains"]))
        {
            if (!incident.Comments.Any(c => c.Contains(text.Value, StringComparison.Ordinal)))
                Fail(failures, test, text.Location, $"no comment contains '{text.Value}' (comments: {(incident.Comments.Count == 0 ? "none" : string.Join(" | ", incident.Comments.Select(Short)))})");
        }
        foreach (var label in YamlValues.TextList(expected["labels"]))
        {
            if (!incident.Labels.Contains(label.Value, StringComparer.Ordinal))
                Fail(failures, test, label.Location, $"the incident has no label '{label.Value}' (labels: {string.Join(", ", incident.Labels)})");
        }

        void Compare(string field, string? actual)
        {
            if (YamlValues.Text(expected[field]) is { } value && !string.Equals(value.Value, actual, StringComparison.Ordinal))
                Fail(failures, test, value.Location, $"the incident's {field} is {actual ?? "not set"}, expected {value.Value}");
        }
    }

    private static string Because(RunResult result, string? action = null)
    {
        var failures = result.Failures.Where(f => action is null || f.Action == action).Take(3).ToList();
        return failures.Count == 0 ? string.Empty : $" ({string.Join("; ", failures.Select(f => $"{f.Action}: {f.Reason}"))})";
    }

    private static string Short(string text) => text.Length > 60 ? text[..57] + "..." : text;

    private static void Fail(List<Diagnostic> failures, Located<string> test, Core.Text.SourceLocation at, string message) =>
        failures.Add(Diagnostic.Create(PlaybookDiagnostics.TestFailed, at, test.Value, message));
}
