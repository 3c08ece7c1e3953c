namespace SentinelContent.Kql.Syntax;

/// <summary>The root: statements separated by semicolons.</summary>
public sealed class QueryBlock : SyntaxNode
{
    internal QueryBlock(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public IReadOnlyList<SyntaxNode> Statements => ChildOfKind(SyntaxKind.StatementList) is { } list ? [.. list.ChildNodes()] : [];
}

/// <summary>let Name = value (an expression, a function declaration, materialize(...)).</summary>
public sealed class LetStatement : SyntaxNode
{
    internal LetStatement(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public string? Name => SyntaxHelpers.NameText(ChildOfKind(SyntaxKind.NameDeclaration));

    public SyntaxNode? Value => ChildNodes().LastOrDefault(n => n.Kind != SyntaxKind.NameDeclaration);
}

/// <summary>A statement that is an expression (the query's result).</summary>
public sealed class ExpressionStatement : SyntaxNode
{
    internal ExpressionStatement(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public SyntaxNode? Expression => FirstChildNode();
}

/// <summary>(parameters) { body }.</summary>
public sealed class FunctionDeclaration : SyntaxNode
{
    internal FunctionDeclaration(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public IReadOnlyList<FunctionParameter> Parameters => ChildOfKind(SyntaxKind.FunctionParameters) is { } list
        ? [.. SyntaxHelpers.Items(SyntaxHelpers.FirstList(list)).OfType<FunctionParameter>()]
        : [];

    public FunctionBody? Body => ChildNodes().OfType<FunctionBody>().FirstOrDefault();
}

/// <summary>Name: type [= default].</summary>
public sealed class FunctionParameter : SyntaxNode
{
    internal FunctionParameter(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    public NameAndTypeDeclaration? Declaration => ChildNodes().OfType<NameAndTypeDeclaration>().FirstOrDefault();

    public string? Name => Declaration?.Name;

    public bool IsTabular => Declaration?.IsTabular == true;

    /// <summary>The default value, when one is declared.</summary>
    public SyntaxNode? Default => ChildOfKind(SyntaxKind.DefaultValueDeclaration)?.LastChildNode();
}

/// <summary>{ let statements; expression }.</summary>
public sealed class FunctionBody : SyntaxNode
{
    internal FunctionBody(SyntaxKind kind, SyntaxElement[] children, int position) : base(kind, children, position)
    {
    }

    /// <summary>The statements before the result expression (each is written with its semicolon in a small list).</summary>
    public IReadOnlyList<SyntaxNode> Statements =>
        [
            .. ChildNodes().Where(n => n.Kind == SyntaxKind.List).SelectMany(l => l.ChildNodes())
                .SelectMany(i => i.Kind == SyntaxKind.List ? i.ChildNodes() : [i]),
        ];

    public SyntaxNode? Expression => LastNonList();
}
