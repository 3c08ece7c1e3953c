using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>Something a name can refer to: a table, a column, a let variable or a function.</summary>
public abstract class Symbol(string name)
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>A column of a tabular value; its type is a scalar type (Unknown when the binder cannot tell).</summary>
public sealed class ColumnSymbol(string name, ScalarType type) : Symbol(name)
{
    public ScalarType Type { get; } = type;

    public ColumnSymbol WithName(string name) => new(name, Type);
}

/// <summary>
/// A tabular value: its columns in order. An open table may hold columns the binder cannot know
/// (bag_unpack, external data, tables outside the schema): names not found in it are not errors and
/// its schema is not reported as a result.
/// </summary>
public sealed class TableSymbol : Symbol
{
    private Dictionary<string, ColumnSymbol>? _byName;
    private IReadOnlyList<ColumnSymbol>? _columns;

    // An extend in progress: the input table plus the columns its earlier items added or replaced, merged only
    // when someone asks for the whole list (most items only look names up).
    private readonly TableSymbol? _base;
    private readonly ColumnSymbol[] _added = [];

    public TableSymbol(IReadOnlyList<ColumnSymbol> columns, bool isOpen = false, string name = "")
        : base(name)
    {
        _columns = columns;
        IsOpen = isOpen;
    }

    private TableSymbol(TableSymbol baseTable, ColumnSymbol[] added)
        : base(baseTable.Name)
    {
        _base = baseTable;
        _added = added;
        IsOpen = baseTable.IsOpen;
    }

    /// <summary>A table of unknown schema: everything about it is unknown, so nothing about it is an error.</summary>
    public static TableSymbol Unknown { get; } = new([], isOpen: true);

    public static TableSymbol Empty { get; } = new([]);

    public IReadOnlyList<ColumnSymbol> Columns => _columns ??= MergeAdded();

    public bool IsOpen { get; }

    /// <summary>Column names are case-sensitive; the first of equal names wins.</summary>
    public ColumnSymbol? Find(string name)
    {
        if (_base is not null)
        {
            for (var i = _added.Length - 1; i >= 0; i--)
                if (_added[i].Name == name) return _added[i];
            return _base.Find(name);
        }

        if (_byName is null)
        {
            var map = new Dictionary<string, ColumnSymbol>(StringComparer.Ordinal);
            foreach (var column in Columns) map.TryAdd(column.Name, column);
            _byName = map;
        }

        return _byName.GetValueOrDefault(name);
    }

    /// <summary>This table with <paramref name="added"/> applied in order as extend applies them (a new name appends, an existing one is replaced in place).</summary>
    internal TableSymbol WithAdded(ColumnSymbol[] added) => added.Length == 0 ? this : new(this, added);

    private ColumnSymbol[] MergeAdded()
    {
        var builder = new ColumnListBuilder(_base!.Columns);
        foreach (var column in _added) builder.AddOrReplace(column);
        return [.. builder.Columns];
    }

    public TableSymbol WithColumns(IReadOnlyList<ColumnSymbol> columns) => new(columns, IsOpen, Name);

    public TableSymbol Named(string name) => new(Columns, IsOpen, name);

    public TableSymbol Opened() => IsOpen ? this : new(Columns, true, Name);

    public static TableSymbol From(TableSchema schema) =>
        new(schema.Columns.Select(c => new ColumnSymbol(c.Name, c.Type)).ToArray(), name: schema.Name);
}

/// <summary>The type of an expression: a scalar type, or a table.</summary>
public readonly record struct ExprType(ScalarType Scalar, TableSymbol? Table = null)
{
    public static ExprType Unknown => new(ScalarType.Unknown);

    public bool IsTabular => Table is not null;

    public static ExprType Of(TableSymbol table) => new(ScalarType.Unknown, table);

    public static implicit operator ExprType(ScalarType type) => new(type);

    public override string ToString() => IsTabular ? "table" : Scalar.Name();
}

/// <summary>A let-bound (or parameter) name holding a scalar or a tabular value.</summary>
public sealed class VariableSymbol(string name, ExprType type, bool isConstant = false, string? constantValue = null) : Symbol(name)
{
    public ExprType Type { get; } = type;

    /// <summary>True for let-bound literal values: usable where the official binder requires a constant.</summary>
    public bool IsConstant { get; } = isConstant || constantValue is not null;

    /// <summary>The string value of a constant (a let-bound or passed string literal), for table(name).</summary>
    public string? ConstantValue { get; } = constantValue;
}

/// <summary>
/// A user function declared with let (a lambda) or supplied as a workspace function: it is bound at
/// each call, with the arguments' types, in the scope where it was declared.
/// </summary>
public sealed class FunctionSymbol(string name, IReadOnlyList<FunctionParameterSymbol> parameters, FunctionBody? body, Scope declaringScope) : Symbol(name)
{
    public IReadOnlyList<FunctionParameterSymbol> Parameters { get; } = parameters;

    /// <summary>The FunctionBody node (of the query, or of a workspace function's own parsed text).</summary>
    public FunctionBody? Body { get; } = body;

    public Scope DeclaringScope { get; } = declaringScope;

    /// <summary>True for a workspace function (a functions file, Sentinel's own): its body is text of its own, not the query's.</summary>
    public bool IsWorkspaceFunction { get; init; }

    public int MinArguments => Parameters.Count(p => !p.HasDefault);
}

/// <summary>A parameter of a user function: a scalar type, or a table with its declared columns (`T:(*)`).</summary>
public sealed record FunctionParameterSymbol(string Name, ExprType Type, bool HasDefault);
