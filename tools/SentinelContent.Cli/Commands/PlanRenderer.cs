using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Core.Text;
using SentinelContent.Deploy.Planning;

namespace SentinelContent.Cli.Commands;

public enum PlanFormat
{
    Text,
    Json,
    Markdown,
}

/// <summary>
/// A plan for people (text, coloured on a terminal), for pipelines (a stable JSON contract) and for a
/// pull-request comment (Markdown).
/// </summary>
public static class PlanRenderer
{
    private const string Reset = "\u001b[0m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Red = "\u001b[31m";
    private const string Cyan = "\u001b[36m";
    private const string Dim = "\u001b[2m";
    private const int MaxValueLength = 160;

    public static void Write(DeploymentPlan plan, PlanFormat format, bool color, TextWriter writer)
    {
        switch (format)
        {
            case PlanFormat.Json: writer.WriteLine(Json(plan).ToJsonString(new JsonSerializerOptions { WriteIndented = true })); break;
            case PlanFormat.Markdown: writer.Write(Markdown(plan)); break;
            default: Text(plan, color, writer); break;
        }
    }

    public static string Summary(DeploymentPlan plan) =>
        $"{plan.Count(PlanAction.Create)} to create, {plan.Count(PlanAction.Update)} to update, {plan.Count(PlanAction.Delete)} to delete, " +
        $"{plan.Count(PlanAction.Adopt)} to adopt, {plan.Count(PlanAction.Unchanged)} unchanged";

    private static void Text(DeploymentPlan plan, bool color, TextWriter writer)
    {
        string Paint(string colour, string text) => color ? colour + text + Reset : text;
        // Names, display names and values come from the workspace, which this tool does not trust: every one is
        // printed through TerminalText, so an ESC sequence, an OSC 52 clipboard write or a CR cannot reach the terminal.
        writer.WriteLine($"Plan for '{Safe(plan.Environment)}': workspace {Safe(plan.Scope.Workspace)} (resource group {Safe(plan.Scope.ResourceGroup)}, subscription {Safe(plan.Scope.SubscriptionId)})");
        foreach (var item in plan.Items.Where(i => i.IsWrite))
        {
            var (sign, colour, verb) = Style(item.Action);
            var drift = item.Drift ? Paint(Yellow, "  [drift: changed in the workspace outside this repository]") : string.Empty;
            var note = item.Action == PlanAction.Adopt ? Paint(Dim, "  (content matches; records ownership)") : string.Empty;
            writer.WriteLine($"  {Paint(colour, $"{sign} {verb,-7}")} {item.Kind.Noun} {Safe(item.DisplayName)} {Paint(Dim, $"({Safe(item.Name)})")}{drift}{note}");
            foreach (var change in item.Changes) WriteChange(change, writer, Paint);
        }
        var kept = plan.Kept.Where(k => plan.Prune || k.Reason.Contains("--prune", StringComparison.Ordinal)).ToList();
        foreach (var k in kept)
            writer.WriteLine($"  {Paint(Dim, $"  keep   ")} {k.Kind.Noun} {Safe(k.DisplayName)} {Paint(Dim, $"({Safe(k.Name)}): {Safe(k.Reason)}")}");
        var foreign = plan.Kept.Count(k => k.Reason.StartsWith("not deployed", StringComparison.Ordinal));
        if (foreign > 0 && !plan.Prune) writer.WriteLine(Paint(Dim, $"  ({foreign} item(s) in the workspace were not deployed by this repository and are never touched)"));
        writer.WriteLine(plan.HasChanges ? $"Plan: {Summary(plan)}." : $"No changes: {Summary(plan)}.");
    }

    private static void WriteChange(FieldChange change, TextWriter writer, Func<string, string, string> paint)
    {
        var before = Display(change.Before);
        var after = Display(change.After);
        if (change.Before is JsonValue b && change.After is JsonValue a && b.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String &&
            (b.GetValue<string>().Contains('\n') || a.GetValue<string>().Contains('\n')))
        {
            writer.WriteLine($"        {Safe(change.Path)}:");
            var oldLines = b.GetValue<string>().Split('\n');
            var newLines = a.GetValue<string>().Split('\n');
            foreach (var line in oldLines.Except(newLines)) writer.WriteLine("          " + paint(Red, "- " + Safe(line)));
            foreach (var line in newLines.Except(oldLines)) writer.WriteLine("          " + paint(Green, "+ " + Safe(line)));
            return;
        }
        writer.WriteLine($"        {Safe(change.Path)}: {paint(Red, Safe(before))} → {paint(Green, Safe(after))}");
    }

    private static string Safe(string? text) => TerminalText.Escape(text);

    private static string Display(JsonNode? value)
    {
        var text = value is null ? "(absent)" : value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return text.Length > MaxValueLength ? text[..MaxValueLength] + "…" : text;
    }

    private static (string Sign, string Colour, string Verb) Style(PlanAction action) => action switch
    {
        PlanAction.Create => ("+", Green, "create"),
        PlanAction.Update => ("~", Yellow, "update"),
        PlanAction.Delete => ("-", Red, "delete"),
        PlanAction.Adopt => ("=", Cyan, "adopt"),
        _ => (" ", string.Empty, "keep"),
    };

    /// <summary>The JSON contract: {environment, workspace, prune, changesPending, summary, items[], kept[]}.</summary>
    public static JsonObject Json(DeploymentPlan plan) => new()
    {
        ["environment"] = plan.Environment,
        ["workspace"] = new JsonObject { ["subscriptionId"] = plan.Scope.SubscriptionId, ["resourceGroup"] = plan.Scope.ResourceGroup, ["name"] = plan.Scope.Workspace },
        ["prune"] = plan.Prune,
        ["changesPending"] = plan.HasChanges,
        ["summary"] = new JsonObject
        {
            ["create"] = plan.Count(PlanAction.Create),
            ["update"] = plan.Count(PlanAction.Update),
            ["delete"] = plan.Count(PlanAction.Delete),
            ["adopt"] = plan.Count(PlanAction.Adopt),
            ["unchanged"] = plan.Count(PlanAction.Unchanged),
        },
        ["items"] = new JsonArray([.. plan.Items.Select(i => (JsonNode)new JsonObject
        {
            ["kind"] = i.Kind.MetadataKind,
            ["name"] = i.Name,
            ["displayName"] = i.DisplayName,
            ["action"] = i.Action.ToString().ToLowerInvariant(),
            ["drift"] = i.Drift,
            ["changes"] = new JsonArray([.. i.Changes.Select(c => (JsonNode)new JsonObject { ["path"] = c.Path, ["before"] = c.Before?.DeepClone(), ["after"] = c.After?.DeepClone() })]),
        })]),
        ["kept"] = new JsonArray([.. plan.Kept.Select(k => (JsonNode)new JsonObject { ["kind"] = k.Kind.MetadataKind, ["name"] = k.Name, ["displayName"] = k.DisplayName, ["reason"] = k.Reason })]),
    };

    private static string Markdown(DeploymentPlan plan)
    {
        var text = new StringBuilder();
        text.Append($"### Sentinel deployment plan: `{Code(plan.Environment)}`\n\n");
        text.Append($"Workspace `{Code(plan.Scope.Workspace)}` (resource group `{Code(plan.Scope.ResourceGroup)}`). {Summary(plan)}.\n\n");
        var writes = plan.Items.Where(i => i.IsWrite).ToList();
        if (writes.Count == 0)
        {
            text.Append("No changes.\n");
            return text.ToString();
        }
        text.Append("| action | kind | name | changed fields |\n|---|---|---|---|\n");
        foreach (var item in writes)
        {
            var fields = string.Join(", ", item.Changes.Select(c => $"`{Escape(c.Path).Replace("`", "'", StringComparison.Ordinal)}`"));
            var drift = item.Drift ? " (drift)" : string.Empty;
            text.Append($"| {item.Action.ToString().ToLowerInvariant()}{drift} | {item.Kind.Noun} | {Escape(item.DisplayName)} | {fields} |\n");
        }
        return text.ToString();
    }

    private static string Code(string text) => TerminalText.Escape(text).Replace("`", "'", StringComparison.Ordinal);

    /// <summary>
    /// Workspace text inside a pull-request comment: Markdown and HTML that would render (links, images that call out,
    /// @mentions, tables broken by '|') is backslash-escaped, and control characters are shown, not kept.
    /// </summary>
    private static string Escape(string text)
    {
        var safe = new StringBuilder();
        foreach (var c in TerminalText.Escape(text))
        {
            if (c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '!' or '#' or '@' or '~' or '(' or ')') safe.Append('\\');
            safe.Append(c);
        }
        return safe.ToString();
    }
}
