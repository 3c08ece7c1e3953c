using SentinelContent.Core.Text;
using SentinelContent.Core.Values;
using SentinelContent.Core.Yaml;
using SentinelContent.Content.Format;
using SentinelContent.Format;

namespace SentinelContent.Content.Model;

/// <summary>
/// An analytics rule as written in Sentinel's YAML format. Every value keeps its source location.
/// Values that had the wrong YAML type are absent (the loader reported them), so validators only
/// see well-typed values; enum values are kept as written so validators can name the bad spelling.
/// </summary>
public sealed class AnalyticsRule
{
    public required SourceText Source { get; init; }

    /// <summary>The rule's YAML mapping, for checks that need the raw node (unknown fields, positions of keys).</summary>
    public required YamlMapping Node { get; init; }

    public Located<string>? Id { get; init; }
    public Located<string>? Name { get; init; }
    public Located<string>? Description { get; init; }
    public Located<string>? Severity { get; init; }
    public Located<string>? Status { get; init; }
    public Located<string>? Kind { get; init; }
    public Located<string>? QueryFrequency { get; init; }
    public Located<string>? QueryPeriod { get; init; }
    public Located<string>? TriggerOperator { get; init; }
    public Located<int>? TriggerThreshold { get; init; }
    public Located<string>? Version { get; init; }
    public Located<bool>? Enabled { get; init; }
    public Located<bool>? SuppressionEnabled { get; init; }
    public Located<string>? SuppressionDuration { get; init; }

    /// <summary>The query's scalar node, so a position inside the KQL maps to the rule file's line and column.</summary>
    public YamlScalar? Query { get; init; }

    public IReadOnlyList<Located<string>> Tactics { get; init; } = [];
    public IReadOnlyList<Located<string>> RelevantTechniques { get; init; } = [];
    public IReadOnlyList<Located<string>> Tags { get; init; } = [];
    public IReadOnlyList<RequiredDataConnector> RequiredDataConnectors { get; init; } = [];
    public IReadOnlyList<EntityMapping> EntityMappings { get; init; } = [];
    public IReadOnlyList<CustomDetail> CustomDetails { get; init; } = [];
    public AlertDetailsOverride? AlertDetailsOverride { get; init; }
    public Located<string>? AggregationKind { get; init; }
    public IncidentConfiguration? IncidentConfiguration { get; init; }

    /// <summary>The rule kind; a rule without one is treated as Scheduled, as Sentinel's templates are.</summary>
    public bool IsNrt => Kind?.Value == AnalyticsRuleFormat.Nrt;

    /// <summary>A display name for reports: the rule name, else the file name.</summary>
    public string DisplayName => Name?.Value ?? System.IO.Path.GetFileNameWithoutExtension(Source.Path);

    public static TimeSpan? DurationOf(Located<string>? text) =>
        text is { } t && RuleDuration.TryParse(t.Value, out var value) ? value : null;
}

public sealed record RequiredDataConnector(Located<string>? ConnectorId, IReadOnlyList<Located<string>> DataTypes, SourceLocation Location);

public sealed record EntityMapping(Located<string>? EntityType, IReadOnlyList<FieldMapping> FieldMappings, SourceLocation Location);

public sealed record FieldMapping(Located<string>? Identifier, Located<string>? ColumnName, SourceLocation Location);

public sealed record CustomDetail(Located<string> Key, Located<string> Column);

public sealed record AlertDynamicProperty(Located<string>? AlertProperty, Located<string>? Value, SourceLocation Location);

public sealed record AlertDetailsOverride(
    YamlScalar? DisplayNameFormat,
    YamlScalar? DescriptionFormat,
    Located<string>? TacticsColumnName,
    Located<string>? SeverityColumnName,
    IReadOnlyList<AlertDynamicProperty> DynamicProperties,
    SourceLocation Location);

public sealed record IncidentConfiguration(Located<bool>? CreateIncident, GroupingConfiguration? Grouping, SourceLocation Location);

public sealed record GroupingConfiguration(
    Located<bool>? Enabled,
    Located<bool>? ReopenClosedIncident,
    Located<string>? LookbackDuration,
    Located<string>? MatchingMethod,
    IReadOnlyList<Located<string>> GroupByEntities,
    IReadOnlyList<Located<string>> GroupByAlertDetails,
    IReadOnlyList<Located<string>> GroupByCustomDetails,
    SourceLocation Location);
