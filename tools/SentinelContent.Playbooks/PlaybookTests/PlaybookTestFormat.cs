using SentinelContent.Format;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>The playbook test format (playbooks/NAME.tests.yaml) as data, for the format checker and docs.</summary>
public static class PlaybookTestFormat
{
    public static readonly FieldSpec Call = new("call", FieldType.Object, "A call: http: METHOD URL, or connector: API METHOD PATH. URLs may use * as a wildcard.")
    {
        Fields =
        [
            new FieldSpec("http", FieldType.String, "METHOD URL of an HTTP action's call, for example POST https://graph.microsoft.com/v1.0/users/*/revokeSignInSessions."),
            new FieldSpec("connector", FieldType.String, "API METHOD PATH of a connector call, for example azuresentinel POST /Incidents/Comment."),
            new FieldSpec("status", FieldType.Integer, "Mocks: the status code answered (default 200).") { Minimum = 100, Maximum = 599 },
            new FieldSpec("body", FieldType.Any, "Mocks: the body answered. Expected calls: fields the request body must have (a subset)."),
            new FieldSpec("bodyContains", FieldType.StringList, "Expected calls: texts the request body must contain."),
        ],
    };

    public static readonly FieldSpec Test = new("test", FieldType.Object, "One test: a trigger payload, mocks for every call, and what must happen.")
    {
        Fields =
        [
            new FieldSpec("name", FieldType.String, "What the test shows.") { Required = RequiredFor.All, MinLength = 1 },
            new FieldSpec("trigger", FieldType.Any, "The trigger body: a JSON file (path relative to the test file) or an inline mapping. Default: the file's trigger."),
            new FieldSpec("parameters", FieldType.Any, "Workflow parameter values for this test."),
            new FieldSpec("mocks", FieldType.ObjectList, "Answers for the playbook's calls; a call no mock answers fails the test.") { Fields = Call.Fields },
            new FieldSpec("expect", FieldType.Object, "What the run must do.")
            {
                Required = RequiredFor.All,
                Fields =
                [
                    new FieldSpec("status", FieldType.Enum, "The run's final status.") { Values = ["Succeeded", "Failed", "Cancelled"] },
                    new FieldSpec("calls", FieldType.ObjectList, "Every call made, in order.") { Fields = Call.Fields },
                    new FieldSpec("actions", FieldType.Any, "Action statuses: NAME: Succeeded|Failed|Skipped."),
                    new FieldSpec("incident", FieldType.Object, "The incident after the run.")
                    {
                        Fields =
                        [
                            new FieldSpec("severity", FieldType.String, "The severity."),
                            new FieldSpec("status", FieldType.String, "The status."),
                            new FieldSpec("classification", FieldType.String, "The classification."),
                            new FieldSpec("owner", FieldType.String, "The owner set by the run."),
                            new FieldSpec("comments", FieldType.Integer, "How many comments the run added.") { Minimum = 0 },
                            new FieldSpec("commentContains", FieldType.StringList, "Texts that some added comment contains."),
                            new FieldSpec("labels", FieldType.StringList, "Labels the incident has after the run."),
                        ],
                    },
                ],
            },
        ],
    };

    public static readonly FieldSpec Root = new("playbookTests", FieldType.Object, "Offline tests of a playbook, run by sentinelctl playbook test.")
    {
        Fields =
        [
            new FieldSpec("playbook", FieldType.String, "The playbook file, relative to this file (default: this file's name without .tests)."),
            new FieldSpec("trigger", FieldType.Any, "The default trigger body for the tests: a JSON file path or an inline mapping."),
            new FieldSpec("tests", FieldType.ObjectList, "The tests.") { Required = RequiredFor.All, MinItems = 1, Fields = Test.Fields },
        ],
    };
}
