using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Expressions;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>Evaluates parsed expressions and string templates against a workflow state (fact sheet §2).</summary>
public sealed class Evaluator(IWorkflowState state)
{
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public IWorkflowState State { get; } = state;

    /// <summary>Evaluates every string of a JSON value that holds an expression; the result is a new value.</summary>
    public JsonNode? EvaluateDeep(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, child) in obj) result[key] = EvaluateDeep(child);
                return result;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var child in array) items.Add(EvaluateDeep(child));
                return items;
            case JsonValue value when Values.AsString(value) is { } text:
                return EvaluateString(text);
            default:
                return node?.DeepClone();
        }
    }

    public JsonNode? EvaluateString(string text)
    {
        if (!TemplateParser.MayContainExpression(text)) return JsonValue.Create(text);
        if (!_templates.TryGetValue(text, out var template))
        {
            template = TemplateParser.Parse(text);
            _templates[text] = template;
        }
        if (template.Errors.Count > 0) throw new ExpressionRuntimeException($"the expression '{text}' does not parse: {template.Errors[0].Message}");
        switch (template.Kind)
        {
            case TemplateKind.Expression:
                return Evaluate(((ExpressionPart)template.Parts[0]).Expression);
            default:
                var builder = new StringBuilder();
                foreach (var part in template.Parts)
                {
                    builder.Append(part switch
                    {
                        TextPart t => t.Text,
                        ExpressionPart e => Values.ToText(Evaluate(e.Expression)),
                        _ => string.Empty,
                    });
                }
                return JsonValue.Create(builder.ToString());
        }
    }

    public JsonNode? Evaluate(ExpressionNode node) => node switch
    {
        StringLiteral s => JsonValue.Create(s.Value),
        NumberLiteral n => decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Values.Number(d) : throw new ExpressionRuntimeException($"'{n.Text}' is not a number"),
        KeywordLiteral { Keyword: "true" } => JsonValue.Create(true),
        KeywordLiteral { Keyword: "false" } => JsonValue.Create(false),
        KeywordLiteral => null,
        FunctionCall call => FunctionLibrary.Call(call.Name, [.. call.Arguments.Select(Evaluate)], State),
        MemberAccess member => Access(Evaluate(member.Target), JsonValue.Create(member.Name), member.NullSafe),
        IndexAccess index => Access(Evaluate(index.Target), Evaluate(index.Index), index.NullSafe),
        _ => throw new ExpressionRuntimeException("unsupported expression"),
    };

    private static JsonNode? Access(JsonNode? target, JsonNode? key, bool nullSafe)
    {
        if (target is null)
        {
            if (nullSafe) return null;
            throw new ExpressionRuntimeException($"cannot read [{Values.ToText(key)}] of null; use ?[...] for a value that may be missing");
        }
        if (target is JsonObject obj && Values.AsString(key) is { } name)
        {
            if (Values.TryGetProperty(obj, name, out var value)) return value?.DeepClone();
            if (nullSafe) return null;
            throw new ExpressionRuntimeException($"the property '{name}' does not exist; use ?['{name}'] for a property that may be missing");
        }
        if (target is JsonArray array && Values.AsNumber(key) is { } index)
        {
            if (index >= 0 && index < array.Count) return array[(int)index]?.DeepClone();
            if (nullSafe) return null;
            throw new ExpressionRuntimeException($"the index {index} is outside the array of {array.Count} items");
        }
        if (nullSafe) return null;
        throw new ExpressionRuntimeException($"cannot read [{Values.ToText(key)}] of {Values.Describe(target)}");
    }
}
