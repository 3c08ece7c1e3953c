using SentinelContent.Format;
using SentinelContent.Playbooks.Automation;
using SentinelContent.Playbooks.PlaybookTests;

namespace SentinelContent.Playbooks.Format;

/// <summary>The editor JSON Schemas of the playbook formats, generated from their FieldSpecs by the shared writer.</summary>
public static class PlaybookSchemas
{
    public static string Playbook() => JsonSchemaWriter.Write(PlaybookFormat.Root,
        "https://sentinelcontent.dev/schemas/playbook.schema.json", "Microsoft Sentinel playbook (SentinelContent playbook YAML)");

    public static string PlaybookTests() => JsonSchemaWriter.Write(PlaybookTestFormat.Root,
        "https://sentinelcontent.dev/schemas/playbook-tests.schema.json", "Offline tests of a SentinelContent playbook");

    public static string AutomationRule() => JsonSchemaWriter.Write(AutomationRuleFormat.Root,
        "https://sentinelcontent.dev/schemas/automation-rule.schema.json", "Microsoft Sentinel automation rule (SentinelContent YAML)");
}
