using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>The entry point: binds a parsed query against a context into a <see cref="SemanticModel"/>.</summary>
public static class KqlBinder
{
    public static SemanticModel Bind(KqlSyntaxTree tree, BindingContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new Binder(tree, context ?? BindingContext.Default).BindQuery();
    }

    public static SemanticModel Bind(string query, BindingContext? context = null) => Bind(KqlSyntaxTree.Parse(query), context);
}
