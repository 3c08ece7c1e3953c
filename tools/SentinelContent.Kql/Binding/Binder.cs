using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Text;
using SentinelContent.Core.Values;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// Walks a syntax tree once, resolving names through scopes (let, parameters, the operator's input
/// row) and computing a type for every expression and a schema for every tabular expression.
/// Where the binder cannot know (open schemas, operators it does not model) it yields Unknown and
/// reports nothing, so every error it reports is one it is sure of.
/// </summary>
internal sealed partial class Binder
{
    private const int MaxCallDepth = 32;

    private readonly KqlSyntaxTree _tree;
    private readonly BindingContext _context;
    private readonly Dictionary<SyntaxNode, ExprType> _types = [];
    private readonly Dictionary<SyntaxNode, Symbol> _symbols = [];
    private readonly List<KqlDiagnostic> _diagnostics = [];
    private readonly HashSet<(string Code, int Start, int Length)> _reported = [];
    private Scope _scope;
    private int _callDepth;

    /// <summary>Above zero while binding a workspace function's body: its spans are not in this query's text, so nothing is reported.</summary>
    private int _foreignDepth;

    public Binder(KqlSyntaxTree tree, BindingContext context)
    {
        _tree = tree;
        _context = context;
        _scope = new Scope();
    }

    public SemanticModel BindQuery()
    {
        ExprType? result = null;
        try
        {
            foreach (var statement in ((QueryBlock)_tree.Root).Statements)
            {
                var type = BindStatement(statement);
                if (statement.Kind == SyntaxKind.ExpressionStatement) result = type;
            }
        }
        catch (InsufficientExecutionStackException)
        {
            result = null;
            var at = new TextSpan(SyntaxHelpers.Child(_tree.Root, SyntaxKind.StatementList)?.Span.Start ?? 0, 0);
            _diagnostics.Add(KqlDiagnostic.Create(KqlSyntaxDiagnostics.NestingTooDeep, at, SyntaxDepth.MaxTreeDepth));
        }

        _diagnostics.AddRange(RegexPatternCheck.Check(_tree.Root));
        var ordered = KqlSyntaxDiagnostics.Capped(_diagnostics.OrderBy(d => d.Span.Start).ToArray());
        return new SemanticModel(_tree, _types, _symbols, ordered, result, _itemNames.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
    }

    private ExprType? BindStatement(SyntaxNode statement)
    {
        switch (statement.Kind)
        {
            case SyntaxKind.LetStatement:
                BindLet((LetStatement)statement);
                return null;
            case SyntaxKind.ExpressionStatement:
                return ((ExpressionStatement)statement).Expression is { } expr ? Bind(expr, null) : null;
            default:
                // set, alias, declare query_parameters, restrict, pattern: nothing to type.
                return null;
        }
    }

    private void BindLet(LetStatement let)
    {
        var name = let.Name;
        var value = let.Value;
        if (value is null) return;

        Symbol? symbol = null;
        if (value is FunctionDeclaration declaration)
        {
            symbol = DeclareFunction(name ?? string.Empty, declaration);
        }
        else if (value is MaterializeExpression materialize)
        {
            var type = Bind(materialize.Expression, null);
            symbol = new VariableSymbol(name ?? string.Empty, type);
        }
        else if (value.Kind == SyntaxKind.EntityGroup)
        {
            symbol = new VariableSymbol(name ?? string.Empty, ExprType.Of(TableSymbol.Unknown));
        }
        else
        {
            var type = Bind(value, null);
            symbol = new VariableSymbol(name ?? string.Empty, type, IsLiteral(value), ConstantString(value));
        }

        if (name is not null) _scope.Declare(symbol);
    }

    private static bool IsLiteral(SyntaxNode node) => node.Kind is SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression
        or SyntaxKind.LongLiteralExpression or SyntaxKind.IntLiteralExpression or SyntaxKind.RealLiteralExpression or SyntaxKind.BooleanLiteralExpression
        or SyntaxKind.DateTimeLiteralExpression or SyntaxKind.TimespanLiteralExpression or SyntaxKind.DynamicExpression or SyntaxKind.DecimalLiteralExpression;

    private FunctionSymbol DeclareFunction(string name, FunctionDeclaration declaration)
    {
        var parameters = new List<FunctionParameterSymbol>();
        foreach (var parameter in declaration.Parameters)
        {
            if (parameter.Declaration is not { } nameAndType) continue;
            var type = nameAndType.IsTabular
                ? ExprType.Of(BindRowSchemaColumns(SyntaxHelpers.Child(nameAndType, SyntaxKind.SchemaTypeExpression)!, allowStar: true))
                : new ExprType(SyntaxHelpers.TypeOf(nameAndType.ScalarType));
            parameters.Add(new FunctionParameterSymbol(nameAndType.Name ?? string.Empty, type, parameter.Default is not null));
        }

        return new FunctionSymbol(name, parameters, declaration.Body, _scope);
    }

    /// <summary>Columns of a RowSchema or SchemaTypeExpression: (a:string, b:long) or (*) (then open).</summary>
    private TableSymbol BindRowSchemaColumns(SyntaxNode schema, bool allowStar)
    {
        var columns = new List<ColumnSymbol>();
        var open = false;
        foreach (var node in schema.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.NameAndTypeDeclaration)
            {
                var name = SyntaxHelpers.NameText(SyntaxHelpers.Child(node, SyntaxKind.NameDeclaration));
                if (name is not null) columns.Add(new ColumnSymbol(name, SyntaxHelpers.TypeOf(SyntaxHelpers.Child(node, SyntaxKind.PrimitiveTypeExpression))));
            }
            else if (node.Kind == SyntaxKind.StarExpression)
            {
                open = true;
            }
        }

        if (schema.DescendantTokens().Any(t => t.Kind == SyntaxKind.AsteriskToken)) open = allowStar || open;
        return new TableSymbol(columns, open);
    }

    #region Diagnostics

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        if (_foreignDepth > 0 || !_reported.Add((descriptor.Code, span.Start, span.Length))) return;
        _diagnostics.Add(KqlDiagnostic.Create(descriptor, span, args));
    }

    private static string DidYouMean(string name, IEnumerable<string> candidates) => Similarity.DidYouMean(name, candidates.Distinct());

    #endregion

    private ExprType Record(SyntaxNode node, ExprType type)
    {
        _types[node] = type;
        return type;
    }

    /// <summary>Runs <paramref name="action"/> in a new scope nested in <paramref name="parent"/>.</summary>
    private T InScope<T>(Scope parent, Func<T> action)
    {
        var saved = _scope;
        _scope = new Scope(parent);
        try
        {
            return action();
        }
        finally
        {
            _scope = saved;
        }
    }
}
