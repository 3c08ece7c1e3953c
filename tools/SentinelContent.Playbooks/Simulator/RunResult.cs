using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>An action that failed and why (a failed call's status, or an expression error).</summary>
public sealed record ActionFailure(string Action, string Reason);

/// <summary>What a simulated run did: final status, calls in order, the last status of each action, failures and the incident afterwards.</summary>
public sealed record RunResult(
    string Status,
    IReadOnlyList<OutboundCall> Calls,
    IReadOnlyDictionary<string, string> ActionStatuses,
    IReadOnlyList<ActionFailure> Failures,
    IReadOnlyList<OutboundCall> UnansweredCalls,
    IncidentState Incident);
