using SentinelContent.Content.Format;
using SentinelContent.Format;

namespace SentinelContent.RuleTests.Loading;

/// <summary>The X.tests.yaml format as data: the reader's shape checks and the editor schema both come from it.</summary>
public static class RuleTestFormat
{
    private static readonly FieldSpec AlertDetail = new("alertDetails", FieldType.ObjectList, "Expected alerts in order; only the keys given are compared.")
    {
        Fields =
        [
            new("displayName", FieldType.String, "The alert name, after alertDetailsOverride."),
            new("description", FieldType.String, "The alert description, after alertDetailsOverride."),
            new("severity", FieldType.Enum, "The alert severity.") { Values = AnalyticsRuleFormat.Severities },
            new("tactics", FieldType.StringList, "The alert tactics, in order."),
            new("entities", FieldType.Any, "Entities the alert must hold: each { type: Account, FullName: alice@contoso.com } with the identifiers to compare."),
            new("customDetails", FieldType.Any, "Custom details the alert must hold: key: [values] (or key: value for a single value)."),
        ],
    };

    public static readonly FieldSpec Root = new("tests", FieldType.Object, "Tests of the analytics rule X.yaml beside this X.tests.yaml file.")
    {
        Fields =
        [
            new("tests", FieldType.ObjectList, "The test cases.")
            {
                Required = RequiredFor.All,
                MinItems = 1,
                Fields =
                [
                    new("name", FieldType.String, "What the test shows, e.g. 'self-service deletion raises an alert'.") { Required = RequiredFor.All, MinLength = 1 },
                    new("now", FieldType.String, "The run time, ISO 8601 UTC (2026-11-20T12:00:00Z); required so results never depend on the clock.") { Required = RequiredFor.All },
                    new("data", FieldType.Any, "Per table, a list of sample files ({ file: samples/x.jsonl }) and inline rows ({ Column: value, ... })."),
                    new("replay", FieldType.Object, "Run the rule on its schedule over a span instead of once at now.")
                    {
                        Fields =
                        [
                            new("from", FieldType.String, "Start of the replay, ISO 8601 UTC.") { Required = RequiredFor.All },
                            new("to", FieldType.String, "End of the replay, ISO 8601 UTC.") { Required = RequiredFor.All },
                        ],
                    },
                    new("expect", FieldType.Object, "What must come out.")
                    {
                        Required = RequiredFor.All,
                        Fields =
                        [
                            new("alerts", FieldType.Integer, "The exact number of alerts.") { Minimum = 0 },
                            new("rows", FieldType.Integer, "The exact number of rows the query returned (single run only).") { Minimum = 0 },
                            new("incidents", FieldType.Integer, "The exact number of incidents (with replay).") { Minimum = 0 },
                            AlertDetail,
                        ],
                    },
                ],
            },
        ],
    };
}
