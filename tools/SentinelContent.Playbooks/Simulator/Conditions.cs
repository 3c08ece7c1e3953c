using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>
/// Evaluates a condition: an @ expression string, or the designer's object form
/// ({and: [...]}, {or: [...]}, {not: {...}}, {equals: [a, b]}, {greater: [a, b]}, {contains: [a, b]}...).
/// </summary>
public static class Conditions
{
    public static bool Evaluate(JsonNode? condition, Evaluator evaluator)
    {
        switch (condition)
        {
            case JsonValue value when Values.AsString(value) is { } text:
                return Values.Truthy(evaluator.EvaluateString(text));
            case JsonValue value:
                return Values.Truthy(value);
            case JsonObject { Count: 1 } obj:
                var (op, operand) = obj.First();
                return op.ToLowerInvariant() switch
                {
                    "and" => Operands(operand).All(o => Evaluate(o, evaluator)),
                    "or" => Operands(operand).Any(o => Evaluate(o, evaluator)),
                    "not" => !Evaluate(operand, evaluator),
                    _ => Values.Truthy(FunctionLibrary.Call(op, [.. Operands(operand).Select(o => evaluator.EvaluateDeep(o))], evaluator.State)),
                };
            default:
                throw new ExpressionRuntimeException($"a condition must be an @ expression or an object like {{\"and\": [...]}}, not {Values.Describe(condition)}");
        }
    }

    private static IEnumerable<JsonNode?> Operands(JsonNode? operand) => operand as JsonArray ?? (IEnumerable<JsonNode?>)[operand];
}
