using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

/// <summary>What a name stands for while planning: a scalar, a table, or a function to expand at each call.</summary>
internal abstract record ScopeEntry;

internal sealed record ScalarEntry(ScalarPlan Plan) : ScopeEntry;

internal sealed record TabularEntry(TabularEval Plan) : ScopeEntry;

/// <summary>A let-declared (or workspace) function: its FunctionDeclaration node, planned at each call in the scope it was declared in.</summary>
internal sealed record FunctionEntry(FunctionDeclaration Declaration, PlanScope Scope) : ScopeEntry;

/// <summary>The names visible at a point of the query, innermost first.</summary>
internal sealed class PlanScope(PlanScope? parent = null)
{
    private readonly Dictionary<string, ScopeEntry> _entries = new(StringComparer.Ordinal);

    public PlanScope? Parent { get; } = parent;

    public void Declare(string name, ScopeEntry entry) => _entries[name] = entry;

    public ScopeEntry? Lookup(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
            if (scope._entries.TryGetValue(name, out var entry)) return entry;
        return null;
    }
}
