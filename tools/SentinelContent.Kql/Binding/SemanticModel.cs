using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// What the binder learned about a query: the type of every bound expression and the symbol every
/// name refers to (both keyed by syntax node), the semantic diagnostics, and the result's type.
/// </summary>
public sealed class SemanticModel
{
    internal SemanticModel(KqlSyntaxTree tree, IReadOnlyDictionary<SyntaxNode, ExprType> types, IReadOnlyDictionary<SyntaxNode, Symbol> symbols, IReadOnlyList<KqlDiagnostic> diagnostics, ExprType? result, IReadOnlyDictionary<SyntaxNode, IReadOnlyList<string>> itemNames)
    {
        Tree = tree;
        Types = types;
        Symbols = symbols;
        Diagnostics = diagnostics;
        Result = result;
        ItemNames = itemNames;
    }

    public KqlSyntaxTree Tree { get; }

    public IReadOnlyDictionary<SyntaxNode, ExprType> Types { get; }

    public IReadOnlyDictionary<SyntaxNode, Symbol> Symbols { get; }

    /// <summary>Semantic diagnostics (errors and warnings) ordered by position; syntax diagnostics stay on <see cref="Tree"/>.</summary>
    public IReadOnlyList<KqlDiagnostic> Diagnostics { get; }

    /// <summary>The type of the query's last expression statement (null when it has none).</summary>
    public ExprType? Result { get; }

    /// <summary>
    /// The result table when the query yields one with known columns. It may be open (bag_unpack,
    /// pivot, tables outside the catalog add columns unknown at bind time): the official binder then
    /// also reports just the known columns; check <see cref="TableSymbol.IsOpen"/> before relying on absence.
    /// </summary>
    public TableSymbol? ResultTable => Result is { Table: { } table } && (!table.IsOpen || table.Columns.Count > 0) ? table : null;

    /// <summary>The output column names of each projection item (extend, project, summarize, distinct, print), in order; `*` expansions are not listed.</summary>
    public IReadOnlyDictionary<SyntaxNode, IReadOnlyList<string>> ItemNames { get; }

    public IReadOnlyList<string> NamesOf(SyntaxNode item) => ItemNames.TryGetValue(item, out var names) ? names : [];

    public ExprType? TypeOf(SyntaxNode node) => Types.TryGetValue(node, out var type) ? type : null;

    public Symbol? SymbolOf(SyntaxNode node) => Symbols.GetValueOrDefault(node);
}
