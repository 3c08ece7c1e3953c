using SentinelContent.Core.Diagnostics;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Format;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.Deploy.Diagnostics;
using SentinelContent.Playbooks.Diagnostics;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>Every diagnostic code the tool can report, from every library; docs/diagnostics.md is generated from this.</summary>
public static class DiagnosticCatalog
{
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [.. InputDiagnostics.All, .. FormatDiagnostics.All, .. RuleDiagnostics.All, .. KqlSyntaxDiagnostics.All, .. KqlSemanticDiagnostics.All, .. RuleTestDiagnostics.All, .. SchemaDiagnostics.All, .. PlaybookDiagnostics.All, .. DeployDiagnostics.All, .. DataDiagnostics.All, .. SentinelContent.Kql.Evaluation.EvaluationDiagnostics.All];
}
