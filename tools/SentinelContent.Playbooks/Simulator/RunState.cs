using System.Text.Json.Nodes;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>The mutable state of one simulated run: recorded action results, variables, the loop stack, the clock.</summary>
internal sealed class RunState(JsonObject trigger, IReadOnlyDictionary<string, JsonNode?> parameters, RunOptions options) : IWorkflowState
{
    private readonly Dictionary<string, JsonObject> _results = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, JsonNode?> _variables = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Loop, JsonNode? Item)> _loops = [];
    private int _guids;

    public JsonNode? Trigger { get; } = trigger;

    public DateTimeOffset Now => options.Now;

    public JsonNode? Workflow { get; } = new JsonObject { ["name"] = "simulated", ["run"] = new JsonObject { ["name"] = "simulated-run" } };

    public int ActionRuns { get; set; }

    public void Record(string name, JsonObject result) => _results[name] = result;

    public JsonNode? ActionResult(string name) =>
        _results.TryGetValue(name, out var result) ? result.DeepClone() : throw new ExpressionRuntimeException($"the action '{name}' has not run (yet)");

    public JsonNode? Item(string? loopName)
    {
        if (_loops.Count == 0) throw new ExpressionRuntimeException("item() is used outside a loop");
        if (loopName is null) return _loops[^1].Item?.DeepClone();
        for (var i = _loops.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_loops[i].Loop, loopName, StringComparison.OrdinalIgnoreCase)) return _loops[i].Item?.DeepClone();
        }
        throw new ExpressionRuntimeException($"items('{loopName}') names no running loop");
    }

    public void PushItem(string loop, JsonNode? item) => _loops.Add((loop, item));

    public void PopItem() => _loops.RemoveAt(_loops.Count - 1);

    public JsonNode? Variable(string name) =>
        _variables.TryGetValue(name, out var value) ? value?.DeepClone() : throw new ExpressionRuntimeException($"the variable '{name}' is not initialised");

    public bool HasVariable(string name) => _variables.ContainsKey(name);

    public void SetVariable(string name, JsonNode? value) => _variables[name] = value;

    public JsonNode? Parameter(string name)
    {
        foreach (var (key, value) in parameters)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return value?.DeepClone();
        }
        throw new ExpressionRuntimeException($"the parameter '{name}' has no value");
    }

    public string NewGuid() => $"00000000-0000-4000-8000-{++_guids:D12}";
}
