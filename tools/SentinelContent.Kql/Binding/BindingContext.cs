using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

/// <summary>A workspace function (saved search, parser, _GetWatchlist...): its parameter list and body as KQL text.</summary>
public sealed record WorkspaceFunction(string Name, string Parameters, string Body);

/// <summary>What a query is bound against: the tables, the built-in functions and any workspace functions.</summary>
public sealed class BindingContext
{
    public BindingContext(SchemaCatalog schemas, FunctionCatalog? functions = null, IEnumerable<WorkspaceFunction>? workspaceFunctions = null)
    {
        Schemas = schemas;
        Functions = functions ?? FunctionCatalog.Default;
        WorkspaceFunctions = (workspaceFunctions ?? []).ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public SchemaCatalog Schemas { get; }

    public FunctionCatalog Functions { get; }

    public IReadOnlyDictionary<string, WorkspaceFunction> WorkspaceFunctions { get; }

    /// <summary>
    /// When true an unknown table is a warning (SC0308) and its schema is open, rather than an error
    /// (SC0301): validate uses this for rules over tables outside the catalog it was given.
    /// </summary>
    public bool UnknownTablesAreWarnings { get; init; }

    /// <summary>
    /// When true a call to a function that is neither built in, declared nor a given workspace function is a
    /// warning (SC0320) saying how to declare it, unless its name is close to a built-in function (then it is
    /// still the error SC0303): validate uses this, since rules call ASIM parsers and solution functions the
    /// workspace defines.
    /// </summary>
    public bool UnknownFunctionsAreWarnings { get; init; }

    /// <summary>
    /// The watchlists the repository declares (alias → the columns of its items), or null when no repository is known.
    /// With it, _GetWatchlist('alias') binds to a declared watchlist's columns, and an undeclared alias is the warning SC0332.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? DeclaredWatchlists { get; init; }

    /// <summary>The ASIM parsers calls bind to (built in; a workspace function of the same name wins).</summary>
    public AsimCatalog Asim { get; init; } = AsimCatalog.Default;

    public static BindingContext Default { get; } = new(BuiltInSchemas.Default);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<TableSchema, TableSymbol> _tables = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The symbol of a catalog table, made once per context: every query that names the table (and every
    /// `union *`, which names them all) shares it instead of rebuilding its columns. Symbols are immutable.
    /// </summary>
    public TableSymbol TableFor(TableSchema schema) => _tables.GetOrAdd(schema, TableSymbol.From);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TableSymbol[]> _wildcardTables = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, TableSymbol> _wildcardUnions = new(StringComparer.Ordinal);

    /// <summary>The catalog tables a wildcarded name (Security*, *) selects, in name order; found once per context and pattern.</summary>
    public IReadOnlyList<TableSymbol> TablesMatching(string pattern) => _wildcardTables.GetOrAdd(pattern, p =>
        [.. Schemas.Tables.Where(t => Binder.WildcardMatches(p, t.Name)).OrderBy(t => t.Name, StringComparer.Ordinal).Select(TableFor)]);

    /// <summary>
    /// `union` over the tables <paramref name="pattern"/> selects (`union *` merges hundreds), merged once per context
    /// and `withsource` name; open, since a wildcard may reach tables the catalog does not know.
    /// </summary>
    public TableSymbol OuterUnionOf(string pattern, string? withSource = null) =>
        _wildcardUnions.GetOrAdd(pattern + "\0" + withSource, _ =>
        {
            var columns = UnionColumns.Outer(TablesMatching(pattern));
            if (!string.IsNullOrEmpty(withSource)) columns.Insert(0, new ColumnSymbol(withSource, ScalarType.String));
            return new TableSymbol(columns.ToArray(), isOpen: true);
        });

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TableSymbol, TableSymbol> _searchResults = new();

    /// <summary>search's result over <paramref name="source"/>: $table first, then the source's columns; made once per source table.</summary>
    public TableSymbol SearchResultOf(TableSymbol source) => _searchResults.GetValue(source, s =>
        new TableSymbol([new ColumnSymbol("$table", ScalarType.String), .. s.Columns.Where(c => c.Name != "$table")], s.IsOpen));
}
