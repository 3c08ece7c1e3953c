using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>What workflow functions read during a run: the trigger, recorded action results, loop items, variables, parameters, the clock.</summary>
public interface IWorkflowState
{
    JsonNode? Trigger { get; }

    /// <summary>actions('name'): {name, inputs, outputs, status, error}; throws when the action has not run.</summary>
    JsonNode? ActionResult(string name);

    /// <summary>item() (name null) or items('loop').</summary>
    JsonNode? Item(string? loopName);

    JsonNode? Variable(string name);

    JsonNode? Parameter(string name);

    DateTimeOffset Now { get; }

    string NewGuid();

    JsonNode? Workflow { get; }
}
