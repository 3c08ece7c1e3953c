using SentinelContent.Format;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Content.Format;
using SentinelContent.Content.Model;
using static SentinelContent.Format.YamlValues;

namespace SentinelContent.Content.Loading;

/// <summary>Reads an analytics rule from Sentinel YAML: the document's shape is checked, then the typed model built.</summary>
public static class AnalyticsRuleReader
{
    public static AnalyticsRule? Read(SourceText source, IList<Diagnostic> diagnostics)
    {
        var root = YamlReader.Read(source, diagnostics);
        if (root is null) return null;
        if (root is not YamlMapping mapping)
        {
            diagnostics.Add(Diagnostic.Create(FormatDiagnostics.WrongType, root.Location, "an analytics rule", "a mapping of fields", root.KindName));
            return null;
        }

        var kind = Text(mapping["kind"])?.Value == AnalyticsRuleFormat.Nrt ? RequiredFor.Nrt : RequiredFor.Scheduled;
        new FormatChecker(diagnostics, kind).CheckObject(mapping, AnalyticsRuleFormat.Root, string.Empty);
        return Build(source, mapping);
    }

    private static AnalyticsRule Build(SourceText source, YamlMapping m) => new()
    {
        Source = source,
        Node = m,
        Id = Text(m["id"]),
        Name = Text(m["name"]),
        Description = Text(m["description"]),
        Severity = Text(m["severity"]),
        Status = Text(m["status"]),
        Kind = Text(m["kind"]),
        QueryFrequency = Text(m["queryFrequency"]),
        QueryPeriod = Text(m["queryPeriod"]),
        TriggerOperator = Text(m["triggerOperator"]),
        TriggerThreshold = Integer(m["triggerThreshold"]),
        Version = Text(m["version"]),
        Enabled = Boolean(m["enabled"]),
        SuppressionEnabled = Boolean(m["suppressionEnabled"]),
        SuppressionDuration = Text(m["suppressionDuration"]),
        Query = m["query"] as YamlScalar is { IsNull: false } query ? query : null,
        Tactics = TextList(m["tactics"]),
        RelevantTechniques = TextList(m["relevantTechniques"]),
        Tags = ReadTags(m["tags"]),
        RequiredDataConnectors = [.. Mappings(m["requiredDataConnectors"]).Select(c => new RequiredDataConnector(Text(c["connectorId"]), TextList(c["dataTypes"]), c.Location))],
        EntityMappings = [.. Mappings(m["entityMappings"]).Select(ReadEntityMapping)],
        CustomDetails = ReadCustomDetails(m["customDetails"]),
        AlertDetailsOverride = m["alertDetailsOverride"] is YamlMapping o ? ReadOverride(o) : null,
        AggregationKind = m["eventGroupingSettings"] is YamlMapping g ? Text(g["aggregationKind"]) : null,
        IncidentConfiguration = m["incidentConfiguration"] is YamlMapping i ? ReadIncidentConfiguration(i) : null,
    };

    /// <summary>Text tags as written; a mapping tag (Schema: ASimDns, SchemaVersion: 0.1.3) as its pairs in one line.</summary>
    private static IReadOnlyList<Located<string>> ReadTags(YamlNode? node) =>
        node is YamlSequence sequence
            ? [.. sequence.Items.Select(item => item switch
            {
                YamlScalar { IsNull: false } text => new Located<string>(text.Value, text.Location),
                YamlMapping pairs => new Located<string>(
                    string.Join(", ", pairs.Entries.Select(e => $"{e.Key.Value}: {(e.Value as YamlScalar)?.Value}")), pairs.Location),
                _ => (Located<string>?)null,
            }).OfType<Located<string>>()]
            : [];

    private static EntityMapping ReadEntityMapping(YamlMapping m) => new(
        Text(m["entityType"]),
        [.. Mappings(m["fieldMappings"]).Select(f => new FieldMapping(Text(f["identifier"]), Text(f["columnName"]), f.Location))],
        m.Location);

    private static IReadOnlyList<CustomDetail> ReadCustomDetails(YamlNode? node) =>
        node is YamlMapping map
            ? [.. map.Entries.Where(e => e.Value is YamlScalar { IsNull: false }).Select(e => new CustomDetail(new Located<string>(e.Key.Value, e.Key.Location), Text(e.Value)!.Value))]
            : [];

    private static AlertDetailsOverride ReadOverride(YamlMapping m) => new(
        m["alertDisplayNameFormat"] as YamlScalar is { IsNull: false } name ? name : null,
        m["alertDescriptionFormat"] as YamlScalar is { IsNull: false } description ? description : null,
        Text(m["alertTacticsColumnName"]),
        Text(m["alertSeverityColumnName"]),
        [.. Mappings(m["alertDynamicProperties"]).Select(p => new AlertDynamicProperty(Text(p["alertProperty"]), Text(p["value"]), p.Location))],
        m.Location);

    private static IncidentConfiguration ReadIncidentConfiguration(YamlMapping m) => new(
        Boolean(m["createIncident"]),
        m["groupingConfiguration"] is YamlMapping g
            ? new GroupingConfiguration(
                Boolean(g["enabled"]),
                Boolean(g["reopenClosedIncident"]),
                Text(g["lookbackDuration"]),
                Text(g["matchingMethod"]),
                TextList(g["groupByEntities"]),
                TextList(g["groupByAlertDetails"]),
                TextList(g["groupByCustomDetails"]),
                g.Location)
            : null,
        m.Location);
}
