using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Facade.Diagnostics;

namespace SentinelContent.Facade.Tests;

/// <summary>The same finding is the same code at the same place, whatever its wording.</summary>
public sealed class DiagnosticIdentityTests
{
    private static readonly DiagnosticDescriptor Code =
        new("SC9999", "Test", "{0}", DiagnosticSeverity.Error, "Test", "A code for these tests.");
    private static readonly DiagnosticDescriptor Other = Code with { Code = "SC9998" };

    private static Diagnostic At(DiagnosticDescriptor descriptor, string path, int line, int column, string message) =>
        Diagnostic.Create(descriptor, new SourceLocation(path, new LinePosition(line, column), new LinePosition(line, column + 3)),
            message);

    [Fact]
    public void A_finding_already_known_is_dropped_even_when_worded_otherwise()
    {
        var known = new[] { At(Code, "/r/a.jsonl", 2, 5, "AuditLogs has no column 'X'") };
        var more = new[]
        {
            At(Code, "/r/a.jsonl", 2, 5, "the sample's table AuditLogs has no column 'X'"), // the same finding
            At(Code, "/r/a.jsonl", 3, 5, "AuditLogs has no column 'X'"), // another line
            At(Other, "/r/a.jsonl", 2, 5, "AuditLogs has no column 'X'"), // another code
            At(Code, "/r/b.jsonl", 2, 5, "AuditLogs has no column 'X'"), // another file
        };

        var kept = DiagnosticIdentity.NotIn(more, known).ToList();

        Assert.Equal(more[1..], kept);
    }

    [Fact]
    public void Report_order_is_file_then_position_then_code_and_otherwise_stable()
    {
        var first = At(Other, "a.yaml", 1, 1, "first");
        var second = At(Other, "a.yaml", 1, 1, "second");
        var list = new[] { At(Code, "b.yaml", 1, 1, "b"), At(Code, "a.yaml", 2, 1, "a2"), first, At(Code, "a.yaml", 1, 1, "a1"), second };

        var ordered = DiagnosticIdentity.InReportOrder(list).Select(d => d.Message).ToList();

        Assert.Equal(["first", "second", "a1", "a2", "b"], ordered);
    }
}
