using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Simulator;

/// <summary>
/// Runs a workflow definition offline (fact sheet §7): actions of each container in runAfter order (an action runs when
/// every predecessor ended in a status it accepts, else it is Skipped), loops sequentially, calls answered by the mocked
/// outside world. Deterministic: same definition, trigger and mocks give the same run.
/// </summary>
public sealed class WorkflowRunner
{
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";
    public const string Cancelled = "Cancelled";

    private readonly JsonObject _definition;
    private readonly IReadOnlyDictionary<string, string> _connectionApis;
    private readonly IOutsideWorld _world;
    private readonly RunState _state;
    private readonly Evaluator _evaluator;
    private readonly List<OutboundCall> _calls = [];
    private readonly List<OutboundCall> _unanswered = [];
    private readonly List<ActionFailure> _failures = [];
    private readonly Dictionary<string, string> _statuses = new(StringComparer.Ordinal);
    private readonly IncidentState _incident;
    private readonly RunOptions _options;
    private string? _terminatedWith;

    public WorkflowRunner(JsonObject definition, IReadOnlyDictionary<string, string> connectionApis, JsonNode? triggerBody, IOutsideWorld world, RunOptions options)
    {
        _definition = definition;
        _connectionApis = connectionApis;
        _world = world;
        _options = options;
        var triggerName = (definition["triggers"] as JsonObject)?.Select(t => t.Key).FirstOrDefault() ?? "trigger";
        var trigger = new JsonObject
        {
            ["name"] = triggerName,
            ["outputs"] = new JsonObject { ["headers"] = new JsonObject(), ["body"] = triggerBody?.DeepClone() },
            ["status"] = Succeeded,
        };
        _state = new RunState(trigger, Parameters(definition, connectionApis, options), options);
        _evaluator = new Evaluator(_state);
        _incident = new IncidentState(triggerBody.Get("object").Get("properties"));
    }

    public RunResult Run()
    {
        var actions = _definition["actions"] as JsonObject ?? [];
        var statuses = RunContainer(actions);
        var status = _terminatedWith ?? RunStatus(actions, statuses);
        return new RunResult(status, _calls, _statuses, _failures, _unanswered, _incident);
    }

    private static Dictionary<string, JsonNode?> Parameters(JsonObject definition, IReadOnlyDictionary<string, string> connectionApis, RunOptions options)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, parameter) in definition["parameters"] as JsonObject ?? []) values[name] = parameter.Get("defaultValue")?.DeepClone();
        // What the deployed $connections parameter holds (one entry per connection), with simulated ids.
        var connections = new JsonObject();
        foreach (var (key, api) in connectionApis)
            connections[key] = new JsonObject { ["connectionId"] = $"/simulated/connections/{key}", ["connectionName"] = key, ["id"] = $"/simulated/managedApis/{api}" };
        values[WorkflowNames.ConnectionsParameter] = connections;
        foreach (var (name, value) in options.Parameters) values[name] = value?.DeepClone();
        return values;
    }

    /// <summary>Runs one container's actions in runAfter order; returns their statuses.</summary>
    private Dictionary<string, string> RunContainer(JsonObject actions)
    {
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = actions.Select(a => a.Key).ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(name => Predecessors(actions[name]).All(p => statuses.ContainsKey(p) || !actions.ContainsKey(p)));
            if (next is null)
            {
                // A cycle (the validator reports it): nothing more can start.
                foreach (var name in pending) SetStatus(statuses, name, Skipped);
                break;
            }
            pending.Remove(next);
            var action = (JsonObject)actions[next]!;
            if (_terminatedWith is not null || !MayRun(action, statuses))
            {
                SkipAll(next, action, statuses);
                continue;
            }
            SetStatus(statuses, next, Execute(next, action));
        }
        return statuses;
    }

    private static IEnumerable<string> Predecessors(JsonNode? action) => (action.Get("runAfter") as JsonObject)?.Select(p => p.Key) ?? [];

    private static bool MayRun(JsonObject action, Dictionary<string, string> statuses)
    {
        foreach (var (predecessor, accepted) in action["runAfter"] as JsonObject ?? [])
        {
            if (!statuses.TryGetValue(predecessor, out var status)) return false;
            var allowed = (accepted as JsonArray ?? []).Select(Values.ToText);
            if (!allowed.Contains(status, StringComparer.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private void SetStatus(Dictionary<string, string> statuses, string name, string status)
    {
        statuses[name] = status;
        _statuses[name] = status;
    }

    /// <summary>A skipped control action skips everything inside it too.</summary>
    private void SkipAll(string name, JsonObject action, Dictionary<string, string> statuses)
    {
        SetStatus(statuses, name, Skipped);
        _state.Record(name, Result(name, Skipped, null, null, null));
        foreach (var container in Validation.ActionWalker.ChildContainers(action))
            foreach (var (inner, node) in container) if (node is JsonObject innerAction) SkipAll(inner, innerAction, new Dictionary<string, string>());
    }

    private string Execute(string name, JsonObject action)
    {
        if (++_state.ActionRuns > _options.MaxActionRuns) return Fail(name, null, $"the run exceeded {_options.MaxActionRuns} action runs");
        var type = JsonRead.Text(action["type"]) ?? string.Empty;
        try
        {
            return type.ToLowerInvariant() switch
            {
                "http" => Call(name, action, CallKind.Http),
                "apiconnection" or "apiconnectionwebhook" => Call(name, action, CallKind.Connector),
                "if" => RunIf(name, action),
                "switch" => RunSwitch(name, action),
                "foreach" => RunForeach(name, action),
                "until" => RunUntil(name, action),
                "scope" => Complete(name, null, null, ContainerStatus(RunContainer(action["actions"] as JsonObject ?? []))),
                "initializevariable" => InitializeVariables(name, action),
                "setvariable" or "appendtoarrayvariable" or "appendtostringvariable" or "incrementvariable" or "decrementvariable" => ChangeVariable(name, action, type.ToLowerInvariant()),
                "compose" => Compose(name, action),
                "parsejson" => ParseJson(name, action),
                "select" => Select(name, action),
                "query" => Filter(name, action),
                "join" => Join(name, action),
                "terminate" => Terminate(name, action),
                "response" => Complete(name, _evaluator.EvaluateDeep(action["inputs"]), _evaluator.EvaluateDeep(action["inputs"]), Succeeded),
                "wait" => Complete(name, _evaluator.EvaluateDeep(action["inputs"]), null, Succeeded),
                _ => Fail(name, null, $"the simulator does not run actions of type '{type}'"),
            };
        }
        catch (ExpressionRuntimeException e)
        {
            return Fail(name, null, e.Message);
        }
    }

    private string Fail(string name, JsonNode? inputs, string reason)
    {
        _failures.Add(new ActionFailure(name, reason));
        _state.Record(name, Result(name, Failed, inputs, null, reason));
        return Failed;
    }

    private string Complete(string name, JsonNode? inputs, JsonNode? outputs, string status)
    {
        _state.Record(name, Result(name, status, inputs, outputs, null));
        return status;
    }

    private static JsonObject Result(string name, string status, JsonNode? inputs, JsonNode? outputs, string? error) => new()
    {
        ["name"] = name,
        ["status"] = status,
        ["inputs"] = inputs?.DeepClone(),
        ["outputs"] = outputs?.DeepClone(),
        ["error"] = error is null ? null : new JsonObject { ["message"] = error },
    };

    private string Call(string name, JsonObject action, CallKind kind)
    {
        var inputs = _evaluator.EvaluateDeep(action["inputs"]) as JsonObject ?? [];
        var method = (Values.AsString(inputs["method"]) ?? "GET").ToUpperInvariant();
        string url;
        string? api = null;
        if (kind == CallKind.Http)
        {
            url = WithQuery(Values.AsString(inputs["uri"]) ?? string.Empty, inputs["queries"] as JsonObject);
        }
        else
        {
            var key = WorkflowNames.ConnectionKeyOf(JsonRead.Text((action["inputs"] as JsonObject).Get("host").Get("connection").Get("name")) ?? string.Empty) ?? "unknown";
            api = _connectionApis.TryGetValue(key, out var managedApi) ? managedApi : key;
            url = WithQuery(Values.AsString(inputs["path"]) ?? string.Empty, inputs["queries"] as JsonObject);
        }
        var call = new OutboundCall(name, kind, api, method, url, inputs["body"]?.DeepClone());
        _calls.Add(call);
        var response = _world.Answer(call);
        if (response is null)
        {
            _unanswered.Add(call);
            return Fail(name, inputs, $"no mock answers {call}");
        }
        var outputs = new JsonObject
        {
            ["statusCode"] = response.StatusCode,
            ["headers"] = response.Headers?.DeepClone() ?? new JsonObject(),
            ["body"] = response.Body?.DeepClone(),
        };
        if (!response.IsSuccess)
        {
            _failures.Add(new ActionFailure(name, $"{call} answered {response.StatusCode}"));
            _state.Record(name, Result(name, Failed, inputs, outputs, $"the call answered {response.StatusCode}"));
            return Failed;
        }
        SentinelOperations.Apply(call, _incident);
        return Complete(name, inputs, outputs, Succeeded);
    }

    private static string WithQuery(string url, JsonObject? queries)
    {
        if (queries is null || queries.Count == 0) return url;
        var query = string.Join("&", queries.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(Values.ToText(q.Value))}"));
        return url + (url.Contains('?') ? "&" : "?") + query;
    }

    private string RunIf(string name, JsonObject action)
    {
        var condition = Conditions.Evaluate(action["expression"], _evaluator);
        var taken = condition ? action["actions"] as JsonObject : action["else"].Get("actions") as JsonObject;
        var notTaken = condition ? action["else"].Get("actions") as JsonObject : action["actions"] as JsonObject;
        foreach (var (inner, node) in notTaken ?? []) if (node is JsonObject innerAction) SkipAll(inner, innerAction, []);
        var statuses = RunContainer(taken ?? []);
        return Complete(name, JsonValue.Create(condition), new JsonObject { ["expression"] = condition }, ContainerStatus(statuses));
    }

    private string RunSwitch(string name, JsonObject action)
    {
        var value = action["expression"] is JsonValue v && Values.AsString(v) is { } text ? _evaluator.EvaluateString(text) : action["expression"]?.DeepClone();
        JsonObject? chosen = null;
        foreach (var (_, body) in action["cases"] as JsonObject ?? [])
        {
            var caseValue = body.Get("case") is JsonValue c && Values.AsString(c) is { } t ? _evaluator.EvaluateString(t) : body.Get("case")?.DeepClone();
            if (chosen is null && Values.LooseEquals(caseValue, value)) chosen = body.Get("actions") as JsonObject;
            else foreach (var (inner, node) in body.Get("actions") as JsonObject ?? []) if (node is JsonObject innerAction) SkipAll(inner, innerAction, []);
        }
        var fallback = action["default"].Get("actions") as JsonObject;
        if (chosen is not null) foreach (var (inner, node) in fallback ?? []) if (node is JsonObject innerAction) SkipAll(inner, innerAction, []);
        var statuses = RunContainer(chosen ?? fallback ?? []);
        return Complete(name, value, null, ContainerStatus(statuses));
    }

    private string RunForeach(string name, JsonObject action)
    {
        var items = action["foreach"] is JsonValue v && Values.AsString(v) is { } text ? _evaluator.EvaluateString(text) : action["foreach"]?.DeepClone();
        if (items is not JsonArray array) return Fail(name, items, $"the for-each input is {Values.Describe(items)}, not an array");
        var body = action["actions"] as JsonObject ?? [];
        var status = Succeeded;
        foreach (var item in array)
        {
            _state.PushItem(name, item?.DeepClone());
            try
            {
                if (ContainerStatus(RunContainer(body)) == Failed) status = Failed;
            }
            finally
            {
                _state.PopItem();
            }
            if (_terminatedWith is not null) break;
        }
        return Complete(name, array, null, status);
    }

    private string RunUntil(string name, JsonObject action)
    {
        var limit = JsonRead.Integer(action["limit"].Get("count")) ?? 60;
        var body = action["actions"] as JsonObject ?? [];
        var status = Succeeded;
        for (var i = 0; i < limit; i++)
        {
            status = ContainerStatus(RunContainer(body));
            if (status == Failed || _terminatedWith is not null) break;
            if (Conditions.Evaluate(action["expression"], _evaluator)) break;
        }
        return Complete(name, null, null, status);
    }

    private string InitializeVariables(string name, JsonObject action)
    {
        var inputs = _evaluator.EvaluateDeep(action["inputs"]);
        foreach (var variable in (inputs.Get("variables") as JsonArray ?? []).OfType<JsonObject>())
        {
            var variableName = Values.ToText(variable["name"]);
            var type = Values.ToText(variable["type"]).ToLowerInvariant();
            var value = variable.ContainsKey("value") ? variable["value"]?.DeepClone() : type switch
            {
                "array" => new JsonArray(),
                "object" => new JsonObject(),
                "integer" or "float" => JsonValue.Create(0),
                "boolean" => JsonValue.Create(false),
                "string" => JsonValue.Create(string.Empty),
                _ => null,
            };
            _state.SetVariable(variableName, value);
        }
        return Complete(name, inputs, null, Succeeded);
    }

    private string ChangeVariable(string name, JsonObject action, string type)
    {
        var inputs = _evaluator.EvaluateDeep(action["inputs"]);
        var variable = Values.ToText(inputs.Get("name"));
        var current = _state.Variable(variable);
        var value = inputs.Get("value")?.DeepClone();
        JsonNode? updated = type switch
        {
            "setvariable" => value,
            "appendtoarrayvariable" => current is JsonArray array ? Append(array, value) : throw new ExpressionRuntimeException($"the variable '{variable}' is not an array"),
            "appendtostringvariable" => JsonValue.Create(Values.ToText(current) + Values.ToText(value)),
            "incrementvariable" => Values.Number((Values.AsNumber(current) ?? 0) + (Values.AsNumber(value) ?? 1)),
            _ => Values.Number((Values.AsNumber(current) ?? 0) - (Values.AsNumber(value) ?? 1)),
        };
        _state.SetVariable(variable, updated);
        return Complete(name, inputs, new JsonObject { ["body"] = new JsonObject { ["name"] = variable, ["value"] = updated?.DeepClone() } }, Succeeded);
    }

    private static JsonArray Append(JsonArray array, JsonNode? value)
    {
        var copy = (JsonArray)array.DeepClone();
        copy.Add(value);
        return copy;
    }

    private string Compose(string name, JsonObject action)
    {
        var value = _evaluator.EvaluateDeep(action["inputs"]);
        return Complete(name, value, value, Succeeded);
    }

    private string ParseJson(string name, JsonObject action)
    {
        var inputs = _evaluator.EvaluateDeep(action["inputs"]);
        var content = inputs.Get("content");
        var parsed = Values.AsString(content) is { } text ? FunctionLibrary.Call("json", [JsonValue.Create(text)], _state) : content?.DeepClone();
        return Complete(name, inputs, new JsonObject { ["body"] = parsed }, Succeeded);
    }

    private string Select(string name, JsonObject action)
    {
        var from = _evaluator.EvaluateDeep(action["inputs"].Get("from")) as JsonArray ?? throw new ExpressionRuntimeException("select needs an array in 'from'");
        var result = new JsonArray();
        foreach (var item in from)
        {
            _state.PushItem(name, item?.DeepClone());
            try { result.Add(_evaluator.EvaluateDeep(action["inputs"].Get("select"))); }
            finally { _state.PopItem(); }
        }
        return Complete(name, from, new JsonObject { ["body"] = result }, Succeeded);
    }

    private string Filter(string name, JsonObject action)
    {
        var from = _evaluator.EvaluateDeep(action["inputs"].Get("from")) as JsonArray ?? throw new ExpressionRuntimeException("filter needs an array in 'from'");
        var result = new JsonArray();
        foreach (var item in from)
        {
            _state.PushItem(name, item?.DeepClone());
            try { if (Conditions.Evaluate(action["inputs"].Get("where"), _evaluator)) result.Add(item?.DeepClone()); }
            finally { _state.PopItem(); }
        }
        return Complete(name, from, new JsonObject { ["body"] = result }, Succeeded);
    }

    private string Join(string name, JsonObject action)
    {
        var inputs = _evaluator.EvaluateDeep(action["inputs"]);
        var from = inputs.Get("from") as JsonArray ?? throw new ExpressionRuntimeException("join needs an array in 'from'");
        var joined = string.Join(Values.ToText(inputs.Get("joinWith")), from.Select(Values.ToText));
        return Complete(name, inputs, new JsonObject { ["body"] = joined }, Succeeded);
    }

    private string Terminate(string name, JsonObject action)
    {
        var inputs = _evaluator.EvaluateDeep(action["inputs"]);
        _terminatedWith = Values.AsString(inputs.Get("runStatus")) ?? Failed;
        return Complete(name, inputs, null, Succeeded);
    }

    /// <summary>A container (scope, condition branch, loop body) fails when any action in it failed (fact sheet §1.4, [SCOPE]).</summary>
    private static string ContainerStatus(Dictionary<string, string> statuses) =>
        statuses.Values.Any(s => s is Failed or "TimedOut") ? Failed : Succeeded;

    /// <summary>
    /// The run fails when a branch ends in failure: a last action (nothing runs after it) that failed, or that was
    /// skipped after a failure, since a skipped branch takes the status of what preceded it (fact sheet §1.4).
    /// </summary>
    private static string RunStatus(JsonObject actions, Dictionary<string, string> statuses)
    {
        var hasSuccessor = actions.SelectMany(a => Predecessors(a.Value)).ToHashSet(StringComparer.Ordinal);
        var leaves = actions.Select(a => a.Key).Where(n => !hasSuccessor.Contains(n));
        return leaves.Any(leaf => EndsInFailure(leaf, actions, statuses, 0)) ? Failed : Succeeded;
    }

    private static bool EndsInFailure(string name, JsonObject actions, Dictionary<string, string> statuses, int depth)
    {
        var status = statuses.GetValueOrDefault(name, Skipped);
        if (status is Failed or "TimedOut") return true;
        if (status != Skipped || depth > actions.Count) return false;
        return Predecessors(actions[name]).Where(actions.ContainsKey).Any(p => EndsInFailure(p, actions, statuses, depth + 1));
    }
}
