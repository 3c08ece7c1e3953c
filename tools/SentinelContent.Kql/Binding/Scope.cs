namespace SentinelContent.Kql.Binding;

/// <summary>
/// A lexical scope of let statements, function parameters and `as` names: a map of names to
/// symbols with a link to the enclosing scope. Lookups walk outward, so inner names shadow outer ones.
/// </summary>
public sealed class Scope(Scope? parent = null)
{
    private readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);

    public Scope? Parent { get; } = parent;

    public void Declare(Symbol symbol) => _symbols[symbol.Name] = symbol;

    public Symbol? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._symbols.TryGetValue(name, out var symbol)) return symbol;
        return null;
    }

    /// <summary>Every visible name (inner first), for did-you-mean suggestions.</summary>
    public IEnumerable<string> VisibleNames()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            foreach (var name in scope._symbols.Keys) yield return name;
    }
}
