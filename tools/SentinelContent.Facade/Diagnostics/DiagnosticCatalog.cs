using SentinelContent.Content.Diagnostics;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Deploy.Diagnostics;
using SentinelContent.Format;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.RuleTests.Diagnostics;

namespace SentinelContent.Facade.Diagnostics;

/// <summary>
/// Every diagnostic code the tool can report, from every library: reports describe the codes they contain from it, and
/// docs/diagnostics.md is generated from it.
/// </summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        .. InputDiagnostics.All, .. FormatDiagnostics.All, .. RuleDiagnostics.All, .. KqlSyntaxDiagnostics.All,
        .. KqlSemanticDiagnostics.All, .. RuleTestDiagnostics.All, .. SchemaDiagnostics.All, .. PlaybookDiagnostics.All,
        .. DeployDiagnostics.All, .. DataDiagnostics.All, .. EvaluationDiagnostics.All,
    ];
}
