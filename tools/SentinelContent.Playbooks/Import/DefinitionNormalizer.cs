using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Import;

/// <summary>
/// Removes differences Logic Apps does not see before two definitions are compared: an empty or missing
/// runAfter (both mean "first in its container"), a missing or empty outputs map, and the $connections
/// parameter declaration when nothing is connected. Property order and number spelling are handled by
/// <see cref="Json.JsonEquivalence"/>.
/// </summary>
public static class DefinitionNormalizer
{
    public static JsonObject Normalize(JsonObject definition, bool hasConnections)
    {
        var copy = (JsonObject)definition.DeepClone();
        if (copy["outputs"] is null or JsonObject { Count: 0 }) copy.Remove("outputs");
        if (!hasConnections && copy["parameters"] is JsonObject parameters)
        {
            parameters.Remove(WorkflowNames.ConnectionsParameter);
        }
        if (copy["actions"] is JsonObject actions) NormalizeActions(actions);
        return copy;
    }

    private static void NormalizeActions(JsonObject actions)
    {
        foreach (var (_, node) in actions)
        {
            if (node is not JsonObject action) continue;
            if (action["runAfter"] is JsonObject { Count: 0 } || (action.ContainsKey("runAfter") && action["runAfter"] is null)) action.Remove("runAfter");
            if (action["actions"] is JsonObject inner) NormalizeActions(inner);
            if (action["else"].Get("actions") is JsonObject otherwise) NormalizeActions(otherwise);
            if (action["default"].Get("actions") is JsonObject fallback) NormalizeActions(fallback);
            if (action["cases"] is JsonObject cases)
                foreach (var (_, c) in cases) if (c.Get("actions") is JsonObject caseActions) NormalizeActions(caseActions);
        }
    }
}
