using System.Text.Json.Nodes;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>A JSON string value Logic Apps may evaluate, and the action it belongs to (null for triggers and outputs).</summary>
/// <param name="ItemInScope">Whether item() has a value here: inside a for-each, or in the inputs of select, filter or table.</param>
public sealed record StringSite(JsonValue Node, string Text, ActionSite? Action, bool ItemInScope, string Property);

/// <summary>
/// Finds every string value of the definition that Logic Apps evaluates: action properties (not the nested action
/// maps, which are visited as their own actions, and not runAfter), trigger properties and outputs.
/// </summary>
public static class StringWalker
{
    public static IEnumerable<StringSite> Walk(PlaybookCheckContext context)
    {
        foreach (var (_, trigger) in context.Playbook.Triggers)
            foreach (var site in Strings(trigger, null, false, "trigger")) yield return site;
        foreach (var action in context.Sites)
        {
            var inLoop = action.Enclosing.Any(e => e.Kind == Format.ActionKinds.Foreach);
            foreach (var (key, value) in action.Action)
            {
                switch (key)
                {
                    case "actions" or "runAfter" or "else" or "default" or "type":
                        continue;
                    case "cases" when value is JsonObject cases:
                        foreach (var (_, c) in cases)
                            foreach (var site in Strings(c.Get("case"), action, inLoop, "case")) yield return site;
                        continue;
                }
                var itemHere = inLoop || (key == "inputs" && action.Kind?.SetsItem == true && action.Kind != Format.ActionKinds.Foreach);
                foreach (var site in Strings(value, action, itemHere, key)) yield return site;
            }
        }
        if (context.Playbook.Definition["outputs"] is { } outputs)
            foreach (var site in Strings(outputs, null, false, "outputs")) yield return site;
    }

    private static IEnumerable<StringSite> Strings(JsonNode? node, ActionSite? action, bool itemInScope, string property)
    {
        // Iterative, so deep JSON bodies cannot exhaust the stack.
        var stack = new Stack<JsonNode?>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    foreach (var (_, child) in obj.Reverse()) stack.Push(child);
                    break;
                case JsonArray array:
                    for (var i = array.Count - 1; i >= 0; i--) stack.Push(array[i]);
                    break;
                case JsonValue value when Json.JsonRead.Text(value) is { } text:
                    yield return new StringSite(value, text, action, itemInScope, property);
                    break;
            }
        }
    }
}
