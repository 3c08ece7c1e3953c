using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>
/// The WDL functions the simulator runs, keyed by name (case-insensitive), with the semantics of the functions
/// reference (fact sheet §2.2). A function the validator knows but the simulator does not implement fails the action
/// with a clear message rather than guessing.
/// </summary>
public static class FunctionLibrary
{
    private delegate JsonNode? Function(IReadOnlyList<JsonNode?> args, IWorkflowState state);

    private static readonly Dictionary<string, Function> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        // Workflow
        ["trigger"] = (_, s) => s.Trigger?.DeepClone(),
        ["triggerBody"] = (_, s) => s.Trigger.Get("outputs").Get("body")?.DeepClone(),
        ["triggerOutputs"] = (_, s) => s.Trigger.Get("outputs")?.DeepClone(),
        ["actions"] = (a, s) => s.ActionResult(Text(a, 0)),
        ["outputs"] = (a, s) => s.ActionResult(Text(a, 0)).Get("outputs")?.DeepClone(),
        ["actionOutputs"] = (a, s) => s.ActionResult(Text(a, 0)).Get("outputs")?.DeepClone(),
        ["body"] = (a, s) => s.ActionResult(Text(a, 0)).Get("outputs").Get("body")?.DeepClone(),
        ["actionBody"] = (a, s) => s.ActionResult(Text(a, 0)).Get("outputs").Get("body")?.DeepClone(),
        ["item"] = (_, s) => s.Item(null),
        ["items"] = (a, s) => s.Item(Text(a, 0)),
        ["variables"] = (a, s) => s.Variable(Text(a, 0)),
        ["parameters"] = (a, s) => s.Parameter(Text(a, 0)),
        ["workflow"] = (_, s) => s.Workflow?.DeepClone(),
        ["listCallbackUrl"] = (_, _) => JsonValue.Create("https://simulator.invalid/callback"),
        ["utcNow"] = (a, s) => JsonValue.Create(FormatTime(s.Now, a.Count > 0 ? Text(a, 0) : null)),
        ["guid"] = (a, s) => JsonValue.Create(FormatGuid(s.NewGuid(), a.Count > 0 ? Text(a, 0) : "D")),

        // Strings
        ["concat"] = (a, _) => JsonValue.Create(string.Concat(a.Select(Values.ToText))),
        ["string"] = (a, _) => JsonValue.Create(Values.ToText(a[0])),
        ["toLower"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).ToLowerInvariant()),
        ["toUpper"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).ToUpperInvariant()),
        ["trim"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).Trim()),
        ["split"] = (a, _) => new JsonArray([.. Values.ToText(a[0]).Split(Values.ToText(a[1])).Select(p => (JsonNode)JsonValue.Create(p))]),
        ["replace"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).Replace(Values.ToText(a[1]), Values.ToText(a[2]), StringComparison.Ordinal)),
        ["substring"] = (a, _) => Substring(Values.ToText(a[0]), Int(a, 1), a.Count > 2 ? Int(a, 2) : null),
        ["indexOf"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).IndexOf(Values.ToText(a[1]), StringComparison.OrdinalIgnoreCase)),
        ["lastIndexOf"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).LastIndexOf(Values.ToText(a[1]), StringComparison.OrdinalIgnoreCase)),
        ["startsWith"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).StartsWith(Values.ToText(a[1]), StringComparison.OrdinalIgnoreCase)),
        ["endsWith"] = (a, _) => JsonValue.Create(Values.ToText(a[0]).EndsWith(Values.ToText(a[1]), StringComparison.OrdinalIgnoreCase)),
        ["encodeUriComponent"] = (a, _) => JsonValue.Create(Uri.EscapeDataString(Values.ToText(a[0]))),
        ["uriComponent"] = (a, _) => JsonValue.Create(Uri.EscapeDataString(Values.ToText(a[0]))),
        ["decodeUriComponent"] = (a, _) => JsonValue.Create(Uri.UnescapeDataString(Values.ToText(a[0]))),
        ["uriComponentToString"] = (a, _) => JsonValue.Create(Uri.UnescapeDataString(Values.ToText(a[0]))),
        ["base64"] = (a, _) => JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(Values.ToText(a[0])))),
        ["base64ToString"] = (a, _) => JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(Values.ToText(a[0])))),
        ["decodeBase64"] = (a, _) => JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(Values.ToText(a[0])))),

        // Collections
        ["length"] = (a, _) => JsonValue.Create(a[0] switch { JsonArray x => x.Count, JsonObject o => o.Count, _ => Values.ToText(a[0]).Length }),
        ["empty"] = (a, _) => JsonValue.Create(a[0] switch { null => true, JsonArray x => x.Count == 0, JsonObject o => o.Count == 0, _ => Values.ToText(a[0]).Length == 0 }),
        ["first"] = (a, _) => a[0] switch { JsonArray x => x.Count > 0 ? x[0]?.DeepClone() : null, null => null, _ => Values.ToText(a[0]) is { Length: > 0 } t ? JsonValue.Create(t[..1]) : null },
        ["last"] = (a, _) => a[0] switch { JsonArray x => x.Count > 0 ? x[^1]?.DeepClone() : null, null => null, _ => Values.ToText(a[0]) is { Length: > 0 } t ? JsonValue.Create(t[^1..]) : null },
        ["contains"] = (a, _) => JsonValue.Create(a[0] switch
        {
            JsonArray x => x.Any(i => Values.LooseEquals(i, a[1])),
            JsonObject o => Values.TryGetProperty(o, Values.ToText(a[1]), out JsonNode? _),
            null => false,
            _ => Values.ToText(a[0]).Contains(Values.ToText(a[1]), StringComparison.Ordinal),
        }),
        ["join"] = (a, _) => JsonValue.Create(string.Join(Values.ToText(a[1]), Array(a, 0).Select(Values.ToText))),
        ["createArray"] = (a, _) => new JsonArray([.. a.Select(Values.Clone)]),
        ["array"] = (a, _) => new JsonArray(Values.Clone(a[0])),
        ["skip"] = (a, _) => new JsonArray([.. Array(a, 0).Skip((int)(Int(a, 1) ?? 0)).Select(Values.Clone)]),
        ["take"] = (a, _) => new JsonArray([.. Array(a, 0).Take((int)(Int(a, 1) ?? 0)).Select(Values.Clone)]),
        ["union"] = (a, _) => Union(a),
        ["intersection"] = (a, _) => new JsonArray([.. Array(a, 0).Where(i => a.Skip(1).All(o => (o as JsonArray ?? []).Any(j => JsonNode.DeepEquals(i, j)))).Select(Values.Clone)]),
        ["reverse"] = (a, _) => new JsonArray([.. Array(a, 0).Reverse().Select(Values.Clone)]),
        ["range"] = (a, _) => new JsonArray([.. Enumerable.Range((int)(Int(a, 0) ?? 0), (int)Math.Clamp(Int(a, 1) ?? 0, 0, 100_000)).Select(i => (JsonNode)JsonValue.Create(i))]),

        // Logic
        ["equals"] = (a, _) => JsonValue.Create(Values.LooseEquals(a[0], a[1])),
        ["not"] = (a, _) => JsonValue.Create(!Values.Truthy(a[0])),
        ["and"] = (a, _) => JsonValue.Create(a.All(Values.Truthy)),
        ["or"] = (a, _) => JsonValue.Create(a.Any(Values.Truthy)),
        ["if"] = (a, _) => Values.Truthy(a[0]) ? Values.Clone(a[1]) : Values.Clone(a[2]),
        ["greater"] = (a, _) => JsonValue.Create(Values.Compare(a[0], a[1]) > 0),
        ["greaterOrEquals"] = (a, _) => JsonValue.Create(Values.Compare(a[0], a[1]) >= 0),
        ["less"] = (a, _) => JsonValue.Create(Values.Compare(a[0], a[1]) < 0),
        ["lessOrEquals"] = (a, _) => JsonValue.Create(Values.Compare(a[0], a[1]) <= 0),
        ["coalesce"] = (a, _) => Values.Clone(a.FirstOrDefault(x => x is not null)),

        // Conversion and math
        ["int"] = (a, _) => Values.Number(decimal.Truncate(ToNumber(a[0]))),
        ["float"] = (a, _) => Values.Number(ToNumber(a[0])),
        ["decimal"] = (a, _) => Values.Number(ToNumber(a[0])),
        ["bool"] = (a, _) => JsonValue.Create(Values.Truthy(a[0])),
        ["json"] = (a, _) => ParseJson(a[0]),
        ["add"] = (a, _) => Values.Number(ToNumber(a[0]) + ToNumber(a[1])),
        ["sub"] = (a, _) => Values.Number(ToNumber(a[0]) - ToNumber(a[1])),
        ["mul"] = (a, _) => Values.Number(ToNumber(a[0]) * ToNumber(a[1])),
        ["div"] = (a, _) => ToNumber(a[1]) == 0 ? throw new ExpressionRuntimeException("div() by zero") : Values.Number(Values.AsNumber(a[0]) is { } x && x == decimal.Truncate(x) && ToNumber(a[1]) == decimal.Truncate(ToNumber(a[1])) ? decimal.Truncate(x / ToNumber(a[1])) : ToNumber(a[0]) / ToNumber(a[1])),
        ["mod"] = (a, _) => ToNumber(a[1]) == 0 ? throw new ExpressionRuntimeException("mod() by zero") : Values.Number(ToNumber(a[0]) % ToNumber(a[1])),
        ["min"] = (a, _) => Values.Number((a.Count == 1 ? Array(a, 0) : a).Select(ToNumber).Min()),
        ["max"] = (a, _) => Values.Number((a.Count == 1 ? Array(a, 0) : a).Select(ToNumber).Max()),

        // Time
        ["addDays"] = (a, _) => AddTime(a, TimeSpan.FromDays(1)),
        ["addHours"] = (a, _) => AddTime(a, TimeSpan.FromHours(1)),
        ["addMinutes"] = (a, _) => AddTime(a, TimeSpan.FromMinutes(1)),
        ["addSeconds"] = (a, _) => AddTime(a, TimeSpan.FromSeconds(1)),
        ["getPastTime"] = (a, s) => JsonValue.Create(FormatTime(s.Now - Unit(Values.ToText(a[1])) * (double)ToNumber(a[0]), a.Count > 2 ? Values.ToText(a[2]) : null)),
        ["getFutureTime"] = (a, s) => JsonValue.Create(FormatTime(s.Now + Unit(Values.ToText(a[1])) * (double)ToNumber(a[0]), a.Count > 2 ? Values.ToText(a[2]) : null)),
        ["formatDateTime"] = (a, _) => JsonValue.Create(FormatTime(Time(a[0]), a.Count > 1 ? Values.ToText(a[1]) : null)),

        // Objects
        ["addProperty"] = (a, _) => SetProperty(a, mustBeNew: true),
        ["setProperty"] = (a, _) => SetProperty(a, mustBeNew: false),
        ["removeProperty"] = (a, _) => a[0] is JsonObject o ? RemoveProperty(o, Values.ToText(a[1])) : throw new ExpressionRuntimeException("removeProperty() needs an object"),
    };

    public static bool Implements(string name) => Functions.ContainsKey(name);

    public static JsonNode? Call(string name, IReadOnlyList<JsonNode?> args, IWorkflowState state)
    {
        if (!Functions.TryGetValue(name, out var function))
            throw new ExpressionRuntimeException($"the simulator does not implement the function '{name}'");
        try
        {
            return function(args, state);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new ExpressionRuntimeException($"{name}() failed: {e.Message}");
        }
    }

    private static string Text(IReadOnlyList<JsonNode?> args, int index) => Values.ToText(args[index]);

    private static long? Int(IReadOnlyList<JsonNode?> args, int index) => (long)decimal.Truncate(ToNumber(args[index]));

    private static decimal ToNumber(JsonNode? node) =>
        Values.AsNumber(node) ?? (decimal.TryParse(Values.ToText(node), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw new ExpressionRuntimeException($"expected a number, got {Values.Describe(node)}"));

    private static IEnumerable<JsonNode?> Array(IReadOnlyList<JsonNode?> args, int index) =>
        args[index] as JsonArray ?? throw new ExpressionRuntimeException($"expected an array, got {Values.Describe(args[index])}");

    private static JsonNode Substring(string text, long? start, long? length)
    {
        var from = (int)(start ?? 0);
        var count = length is null ? text.Length - from : (int)length;
        if (from < 0 || count < 0 || from + count > text.Length) throw new ExpressionRuntimeException($"substring({from}, {count}) is outside the text of {text.Length} characters");
        return JsonValue.Create(text.Substring(from, count));
    }

    private static JsonNode Union(IReadOnlyList<JsonNode?> args)
    {
        if (args.All(a => a is JsonObject))
        {
            var merged = new JsonObject();
            foreach (var obj in args.Cast<JsonObject>()) foreach (var (k, v) in obj) merged[k] = v?.DeepClone();
            return merged;
        }
        var result = new JsonArray();
        foreach (var item in args.SelectMany(a => a as JsonArray ?? throw new ExpressionRuntimeException("union() needs arrays or objects")))
        {
            if (!result.Any(r => JsonNode.DeepEquals(r, item))) result.Add(item?.DeepClone());
        }
        return result;
    }

    private static JsonNode? ParseJson(JsonNode? value)
    {
        if (value is JsonObject or JsonArray) return value.DeepClone();
        try
        {
            return JsonNode.Parse(Values.ToText(value));
        }
        catch (JsonException e)
        {
            throw new ExpressionRuntimeException($"json() could not parse the text: {e.Message}");
        }
    }

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.TryParse(Values.ToText(node), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new ExpressionRuntimeException($"expected a timestamp, got {Values.Describe(node)}");

    private static string FormatTime(DateTimeOffset time, string? format) =>
        time.ToUniversalTime().ToString(string.IsNullOrEmpty(format) || format == "o" ? "yyyy-MM-ddTHH:mm:ss.fffffffZ" : format, CultureInfo.InvariantCulture);

    private static JsonNode AddTime(IReadOnlyList<JsonNode?> args, TimeSpan unit) =>
        JsonValue.Create(FormatTime(Time(args[0]) + unit * (double)ToNumber(args[1]), args.Count > 2 ? Values.ToText(args[2]) : null));

    private static TimeSpan Unit(string unit) => unit.ToLowerInvariant() switch
    {
        "second" => TimeSpan.FromSeconds(1),
        "minute" => TimeSpan.FromMinutes(1),
        "hour" => TimeSpan.FromHours(1),
        "day" => TimeSpan.FromDays(1),
        "week" => TimeSpan.FromDays(7),
        _ => throw new ExpressionRuntimeException($"'{unit}' is not a time unit (Second, Minute, Hour, Day, Week)"),
    };

    private static string FormatGuid(string guid, string format) =>
        Guid.Parse(guid).ToString(format is "N" or "D" or "B" or "P" or "X" ? format : "D", CultureInfo.InvariantCulture);

    private static JsonNode SetProperty(IReadOnlyList<JsonNode?> args, bool mustBeNew)
    {
        if (args[0] is not JsonObject obj) throw new ExpressionRuntimeException("the first argument must be an object");
        var copy = (JsonObject)obj.DeepClone();
        var name = Values.ToText(args[1]);
        if (mustBeNew && copy.ContainsKey(name)) throw new ExpressionRuntimeException($"addProperty(): the property '{name}' already exists");
        copy[name] = args[2]?.DeepClone();
        return copy;
    }

    private static JsonNode RemoveProperty(JsonObject obj, string name)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove(name);
        return copy;
    }
}
