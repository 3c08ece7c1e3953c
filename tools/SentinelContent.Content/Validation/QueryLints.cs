using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Content.Validation;

/// <summary>
/// Query shapes that are valid KQL but costly or surprising in a detection: no TimeGenerated filter
/// on a large table, search * / union *, and join without kind= (innerunique by default).
/// </summary>
public static class QueryLints
{
    public static IEnumerable<KqlDiagnostic> Find(SemanticModel model, SchemaCatalog schemas)
    {
        var root = model.Tree.Root;
        var nodes = root.DescendantNodesAndSelf().ToList();

        // A large table: a catalog table with a TimeGenerated column (the Log Analytics log tables).
        var mentionsTimeGenerated = root.DescendantTokens().Any(t => t.Text.Contains("TimeGenerated", StringComparison.Ordinal));
        if (!mentionsTimeGenerated)
        {
            var firstLarge = nodes.FirstOrDefault(n => model.SymbolOf(n) is TableSymbol table && schemas.Find(table.Name)?.Find("TimeGenerated") is not null);
            if (firstLarge is not null)
                yield return Create(KqlSemanticDiagnostics.NoTimeFilter, firstLarge, ((TableSymbol)model.SymbolOf(firstLarge)!).Name);
        }

        foreach (var node in nodes)
        {
            switch (node.Kind)
            {
                case SyntaxKind.SearchOperator when node.ChildNodes().All(c => c.Kind != SyntaxKind.FindInClause):
                    yield return Create(KqlSemanticDiagnostics.SearchAllTables, node.Children[0], "search");
                    break;
                case SyntaxKind.UnionOperator when node.ChildNodes().Where(c => c.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes())
                    .Any(item => item.ToFullString().Trim() == "*"):
                    yield return Create(KqlSemanticDiagnostics.SearchAllTables, node.Children[0], "union *");
                    break;
                case SyntaxKind.JoinOperator when !HasParameter(node, "kind"):
                    yield return Create(KqlSemanticDiagnostics.JoinWithoutKind, node.Children[0]);
                    break;
            }
        }
    }

    private static bool HasParameter(SyntaxNode op, string name) =>
        op.ChildNodes().Where(c => c.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes())
            .Any(p => p.Kind == SyntaxKind.NamedParameter && p.ChildNodes().FirstOrDefault()?.ToFullString().Trim() == name);

    private static KqlDiagnostic Create(Core.Diagnostics.DiagnosticDescriptor descriptor, SyntaxElement at, params object?[] args) =>
        new(descriptor, descriptor.FormatMessage(args), at.Span);
}
