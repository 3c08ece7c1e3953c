using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>The limits Logic Apps (Consumption) enforces on a workflow (fact sheet §1.5, §7) and where actions may stand.</summary>
public sealed class LimitCheck : IPlaybookCheck
{
    public const int MaxActions = 500;
    public const int MaxNesting = 8;
    public const int MaxSwitchCases = 25;
    public const int MaxForeachConcurrency = 50;

    public void Check(PlaybookCheckContext context)
    {
        if (context.Sites.Count > MaxActions)
            context.Report(PlaybookDiagnostics.TooManyActions, context.LocationOf(context.Playbook.Actions), context.Sites.Count, MaxActions);

        var requestTrigger = context.Playbook.Triggers.Select(t => JsonRead.Text(t.Value.Get("type"))).Any(t => string.Equals(t, "Request", StringComparison.OrdinalIgnoreCase));
        foreach (var site in context.Sites)
        {
            var where = context.LocationOf(site.Action);
            if (site.Depth > MaxNesting) context.Report(PlaybookDiagnostics.NestingTooDeep, where, site.Name, site.Depth, MaxNesting);
            if (site.Kind == ActionKinds.Switch && site.Action["cases"] is JsonObject { Count: > MaxSwitchCases } cases)
                context.Report(PlaybookDiagnostics.TooManyCases, where, site.Name, cases.Count, MaxSwitchCases);
            if (site.Kind == ActionKinds.Foreach) CheckConcurrency(context, site);
            if (site.Kind?.UsesVariable == true && site.Enclosing.LastOrDefault(e => e.Kind == ActionKinds.Foreach) is { } loop && !IsSequential(loop))
                context.Report(PlaybookDiagnostics.VariableInParallelLoop, where, site.Name, JsonRead.Text(site.Action["inputs"].Get("name")) ?? "?", loop.Name);
            if (site.Kind == ActionKinds.Terminate && site.InsideLoop)
                context.Report(PlaybookDiagnostics.MisplacedAction, where, $"terminate '{site.Name}' is inside a loop; Logic Apps does not allow Terminate inside for-each or until");
            if (site.Kind == ActionKinds.Response && !requestTrigger)
                context.Report(PlaybookDiagnostics.MisplacedAction, where, $"response '{site.Name}' needs an HTTP Request trigger; a Sentinel trigger has no caller waiting for a response");
            else if (site.Kind == ActionKinds.Response && site.InsideLoop)
                context.Report(PlaybookDiagnostics.MisplacedAction, where, $"response '{site.Name}' is inside a loop; Logic Apps does not allow Response there");
        }
    }

    /// <summary>A for-each runs one item at a time with operationOptions Sequential or a concurrency of 1 (fact sheet §1.3).</summary>
    private static bool IsSequential(ActionSite loop) =>
        (JsonRead.Text(loop.Action["operationOptions"])?.Contains("Sequential", StringComparison.OrdinalIgnoreCase) ?? false)
        || JsonRead.Integer(loop.Action["runtimeConfiguration"].Get("concurrency").Get("repetitions")) == 1;

    private static void CheckConcurrency(PlaybookCheckContext context, ActionSite site)
    {
        var configuration = site.Action["runtimeConfiguration"].Get("concurrency").Get("repetitions");
        var sequential = site.Action["operationOptions"] is JsonValue o && o.TryGetValue<string>(out var options) && options.Contains("Sequential", StringComparison.OrdinalIgnoreCase);
        if (configuration is null) return;
        var where = context.LocationOf(configuration, site.Action);
        if (JsonRead.Integer(configuration) is not { } repetitions)
        {
            context.Report(PlaybookDiagnostics.InvalidConcurrency, where, $"the concurrency of '{site.Name}' must be a whole number from 1 to {MaxForeachConcurrency}");
            return;
        }
        if (repetitions < 1 || repetitions > MaxForeachConcurrency)
            context.Report(PlaybookDiagnostics.InvalidConcurrency, where, $"the concurrency of '{site.Name}' is {repetitions}; Logic Apps allows 1 to {MaxForeachConcurrency}");
        if (sequential)
            context.Report(PlaybookDiagnostics.InvalidConcurrency, where, $"'{site.Name}' sets both a concurrency and operationOptions: Sequential; Logic Apps refuses both together");
    }
}
