using SentinelContent.Core.Diagnostics;
using static SentinelContent.Content.Tests.Validation.RuleFixture;

namespace SentinelContent.Content.Tests.Validation;

/// <summary>Each check with an input that breaks it (the code is reported where expected) and the valid rule that passes it.</summary>
public class RuleChecksTests
{
    [Fact]
    public void The_valid_rule_has_no_findings() => Assert.Empty(Validate(ValidScheduledRule));

    public static TheoryData<string, string, string, string, string> Violations => new()
    {
        // name, text replaced, replacement, expected code, text on the line the finding must point at (after an indented mark the line of the mark's last line)
        { "missing severity", "severity: Medium\n", "", "SC0101", "id:" },
        { "missing queryFrequency on a scheduled rule", "queryFrequency: PT1H\n", "", "SC0101", "id:" },
        { "threshold is not a number", "triggerThreshold: 0", "triggerThreshold: none", "SC0102", "triggerThreshold:" },
        { "tactics is not a list", "tactics:\n  - CredentialAccess\n  - Persistence", "tactics: CredentialAccess", "SC0102", "tactics:" },
        { "misspelled field", "severity: Medium", "severity: Medium\nseverty: High", "SC0103", "severty:" },
        { "severity not allowed", "severity: Medium", "severity: Meduim", "SC0104", "severity:" },
        { "tactic misspelled", "  - CredentialAccess\n  - Persistence", "  - CredentialAcess\n  - Persistence", "SC0104", "- CredentialAcess" },
        { "operator not allowed", "triggerOperator: gt", "triggerOperator: gte", "SC0104", "triggerOperator:" },
        { "entity type unknown", "entityType: IP", "entityType: IPAddress", "SC0104", "entityType: IPAddress" },
        { "name too long", "name: Security info deleted", "name: " + new string('x', 257), "SC0105", "name:" },
        { "empty description", "description: |\n  A user's authentication methods were deleted.", "description: ''", "SC0106", "description:" },
        { "empty entity mappings", "entityMappings:\n  - entityType: Account\n    fieldMappings:\n      - identifier: FullName\n        columnName: TargetUpn\n  - entityType: IP\n    fieldMappings:\n      - identifier: Address\n        columnName: IPAddress", "entityMappings: []", "SC0108", "entityMappings:" },
        { "four identifiers", "      - identifier: FullName\n        columnName: TargetUpn", "      - identifier: FullName\n        columnName: TargetUpn\n      - identifier: Name\n        columnName: a\n      - identifier: UPNSuffix\n        columnName: b\n      - identifier: NTDomain\n        columnName: c", "SC0107", "      - identifier: FullName" },
        { "threshold too high", "triggerThreshold: 0", "triggerThreshold: 10001", "SC0109", "triggerThreshold:" },
        { "id not a GUID", "id: 5f3c2a1e-8b7d-4c6e-9a0b-1d2e3f4a5b6c", "id: security-info-deleted", "SC0110", "id:" },
        { "duration in neither form", "queryFrequency: PT1H", "queryFrequency: 1 hour", "SC0112", "queryFrequency:" },
        { "short duration with an upper-case unit", "queryFrequency: PT1H", "queryFrequency: 1H", "SC0112", "queryFrequency:" },
        { "short frequency under 5 minutes", "queryFrequency: PT1H", "queryFrequency: 1m", "SC0113", "queryFrequency:" },
        { "short frequency longer than period", "queryPeriod: PT1H", "queryPeriod: 30m", "SC0114", "queryFrequency:" },
        { "frequency under 5 minutes", "queryFrequency: PT1H\nqueryPeriod: PT1H", "queryFrequency: PT1M\nqueryPeriod: PT1H", "SC0113", "queryFrequency:" },
        { "period over 14 days", "queryPeriod: PT1H", "queryPeriod: P15D", "SC0113", "queryPeriod:" },
        { "frequency longer than period", "queryFrequency: PT1H\nqueryPeriod: PT1H", "queryFrequency: P1D\nqueryPeriod: PT1H", "SC0114", "queryFrequency:" },
        { "two-day lookback every 30 minutes", "queryFrequency: PT1H\nqueryPeriod: PT1H", "queryFrequency: PT30M\nqueryPeriod: P2D", "SC0115", "queryFrequency:" },
        { "version not a.b.c", "version: 1.0.0", "version: 1.0", "SC0116", "version:" },
        { "suppression without duration", "suppressionEnabled: false\nsuppressionDuration: PT5H", "suppressionEnabled: true", "SC0117", "suppressionEnabled:" },
        { "suppression over 24 hours", "suppressionDuration: PT5H", "suppressionDuration: P2D", "SC0113", "suppressionDuration:" },
        { "tactic listed twice", "  - CredentialAccess\n  - Persistence", "  - CredentialAccess\n  - CredentialAccess", "SC0118", "  - CredentialAccess\n  - CredentialAccess" },
        { "tactic id in techniques", "  - T1556.006\n  - T1098", "  - TA0006\n  - T1098", "SC0121", "- TA0006" },
        { "technique not in ATT&CK", "  - T1556.006\n  - T1098", "  - T1556.006\n  - T1999", "SC0122", "- T1999" },
        { "technique outside the tactics", "  - T1556.006\n  - T1098", "  - T1556.006\n  - T1531", "SC0123", "- T1531" },
        { "techniques without tactics", "tactics:\n  - CredentialAccess\n  - Persistence\n", "", "SC0125", "relevantTechniques:\n  - T1556.006" },
        { "revoked technique", "  - T1556.006\n  - T1098", "  - T1556.006\n  - T1574.002", "SC0124", "- T1574.002" },
        { "identifier of another entity", "identifier: FullName", "identifier: Fullname", "SC0131", "identifier: Fullname" },
        { "account without a strong identifier", "identifier: FullName", "identifier: UPNSuffix", "SC0132", "entityType: Account" },
        { "identifier mapped twice", "      - identifier: FullName\n        columnName: TargetUpn", "      - identifier: FullName\n        columnName: TargetUpn\n      - identifier: FullName\n        columnName: Other", "SC0133", "columnName: TargetUpn\n      - identifier: FullName" },
        { "custom detail key starts with a digit", "  Initiator: InitiatorUpn", "  1Initiator: InitiatorUpn", "SC0141", "1Initiator:" },
        { "custom detail key over 20 characters", "  Initiator: InitiatorUpn", "  InitiatorOfTheDeletion: InitiatorUpn", "SC0141", "InitiatorOfTheDeletion:" },
        { "custom detail value is an expression", "  Initiator: InitiatorUpn", "  Initiator: tostring(InitiatedBy)", "SC0142", "tostring(InitiatedBy)" },
        { "four placeholders", "alertDisplayNameFormat: Security info deleted for {{TargetUpn}}", "alertDisplayNameFormat: '{{A}} {{B}} {{C}} {{D}}'", "SC0151", "alertDisplayNameFormat:" },
        { "unclosed placeholder", "alertDisplayNameFormat: Security info deleted for {{TargetUpn}}", "alertDisplayNameFormat: Security info deleted for {{TargetUpn", "SC0152", "alertDisplayNameFormat:" },
        { "selected grouping without criteria", "    groupByEntities:\n      - Account\n    groupByAlertDetails: []\n    groupByCustomDetails:\n      - Initiator\n", "", "SC0161", "matchingMethod:" },
        { "grouping by an unmapped entity", "    groupByEntities:\n      - Account", "    groupByEntities:\n      - Host", "SC0162", "- Host" },
        { "grouping by an unknown custom detail", "    groupByCustomDetails:\n      - Initiator", "    groupByCustomDetails:\n      - Initator", "SC0163", "- Initator" },
        { "criteria with AllEntities", "matchingMethod: Selected", "matchingMethod: AllEntities", "SC0164", "groupByEntities:\n      - Account" },
        { "lookback over 7 days", "lookbackDuration: PT5H", "lookbackDuration: P8D", "SC0113", "lookbackDuration:" },
        { "query column misspelled", "| where OperationName ==", "| where OperatioName ==", "SC0302", "| where OperatioName" },
        { "query function misspelled", "IPAddress = tostring(InitiatedBy", "IPAddress = tostrin(InitiatedBy", "SC0303", "IPAddress = tostrin(" },
        { "mapped column projected away", "| extend InitiatorUpn = tostring(InitiatedBy.user.userPrincipalName)", "| extend InitiatorUpn = tostring(InitiatedBy.user.userPrincipalName)\n  | project TargetUpn, InitiatorUpn", "SC0310", "columnName: IPAddress" },
        { "custom detail column not in the result", "  Initiator: InitiatorUpn", "  Initiator: InitiatorUpm", "SC0310", "Initiator: InitiatorUpm" },
        { "placeholder column not in the result", "alertDisplayNameFormat: Security info deleted for {{TargetUpn}}", "alertDisplayNameFormat: Security info deleted for {{TargetUPN}}", "SC0310", "alertDisplayNameFormat:" },
        { "no TimeGenerated on a large table", "| where TimeGenerated > ago(1h)\n", "", "SC0312", "  AuditLogs" },
        { "severity column of the wrong type", "  alertDisplayNameFormat: Security info deleted for {{TargetUpn}}",
            "  alertDisplayNameFormat: Security info deleted for {{TargetUpn}}\n  alertSeverityColumnName: TimeGenerated", "SC0311",
                "alertSeverityColumnName:" },
        { "search over every table", "  AuditLogs\n", "  search \"security info\"\n", "SC0313", "  search" },
        { "join without kind", "| extend InitiatorUpn = tostring(InitiatedBy.user.userPrincipalName)", "| extend InitiatorUpn = tostring(InitiatedBy.user.userPrincipalName)\n  | join (AuditLogs | where TimeGenerated > ago(1d) | project CorrelationId) on CorrelationId", "SC0314", "  | join" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Each_check_reports_its_code_at_the_place(string name, string from, string to, string code, string anchor)
    {
        var rule = Mutate(from, to);
        var diagnostics = Validate(rule);
        var line = LineOf(rule, anchor);
        var found = diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(found.Count > 0, $"{name}: expected {code}, got: {string.Join("; ", diagnostics)}");
        Assert.Contains(found, d => d.Location.Start.Line == line);
    }

    /// <summary>The 1-based line of the last line of the first occurrence of <paramref name="anchor"/>.</summary>
    private static int LineOf(string text, string anchor)
    {
        var index = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(index >= 0, $"anchor '{anchor}' not in the rule");
        return text[..(index + anchor.TrimEnd().Length)].Count(c => c == '\n') + 1;
    }

    [Fact]
    public void Unknown_field_suggests_the_closest_known_field()
    {
        var d = Assert.Single(Validate(Mutate("severity: Medium", "severity: Medium\nseverty: High")));
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("did you mean 'severity'?", d.Message);
    }

    [Fact]
    public void Enum_errors_suggest_the_intended_value_and_list_the_allowed_ones()
    {
        var d = Assert.Single(Validate(Mutate("severity: Medium", "severity: Meduim")));
        Assert.Equal(new Core.Text.LinePosition(5, 11), d.Location.Start);
        Assert.Contains("did you mean 'Medium'?", d.Message);
        Assert.Contains("Informational, Low, Medium, High", d.Message);
    }

    [Fact]
    public void A_table_outside_the_catalog_is_a_warning_and_its_columns_are_not_checked()
    {
        var d = Assert.Single(Validate(Mutate("  AuditLogs\n", "  Custom_CL\n")));
        Assert.Equal("SC0308", d.Code);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
    }

    [Fact]
    public void The_arm_names_of_trigger_operators_are_accepted() =>
        Assert.Empty(Validate(Mutate("triggerOperator: gt", "triggerOperator: GreaterThan")));

    [Fact]
    public void An_nrt_rule_needs_no_schedule_and_is_warned_about_one()
    {
        var nrt = Mutate("kind: Scheduled", "kind: NRT");
        var withoutSchedule = Mutate("queryFrequency: PT1H\nqueryPeriod: PT1H\ntriggerOperator: gt\ntriggerThreshold: 0\n", "", nrt);
        Assert.Empty(Validate(withoutSchedule));
        var ignored = Validate(nrt);
        Assert.Equal(4, ignored.Count(d => d.Code == "SC0171"));
        Assert.All(ignored, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Ids_are_unique_across_files()
    {
        var diagnostics = Validate(("a.yaml", ValidScheduledRule), ("b.yaml", ValidScheduledRule.ToUpperInvariant().Replace("ID: 5F3C", "id: 5F3C", StringComparison.Ordinal)));
        var duplicate = Assert.Single(diagnostics, d => d.Code == "SC0111");
        Assert.EndsWith("b.yaml", duplicate.Location.Path);
        Assert.Contains("a.yaml:1", duplicate.Message);
    }

    [Fact]
    public void Distinct_ids_are_fine_across_files() =>
        Assert.Empty(Validate(("a.yaml", ValidScheduledRule), ("b.yaml", Mutate("5f3c2a1e-8b7d", "6f3c2a1e-8b7d"))));

    [Fact]
    public void A_hostile_file_gives_a_diagnostic_not_an_exception()
    {
        var bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + string.Join('\n', Enumerable.Range(0, 9).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(',', Enumerable.Repeat($"*{(char)('a' + i)}", 10))}]"));
        Assert.Equal("SC0006", Assert.Single(Validate(bomb)).Code);
        Assert.Equal("SC0102", Assert.Single(Validate("- just\n- a list\n")).Code);
        Assert.Equal("SC0002", Assert.Single(Validate("name: [unclosed\n")).Code);
    }
}
