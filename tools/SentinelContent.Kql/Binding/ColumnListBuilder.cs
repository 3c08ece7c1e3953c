namespace SentinelContent.Kql.Binding;

/// <summary>
/// Builds an operator's output columns in order, with the official binder's rules for clashes:
/// extend replaces a column of the same name in place; project and summarize make a clashing name
/// unique with a number (count_, count_1); default names (Column1, print_0) skip names in use.
/// </summary>
internal sealed class ColumnListBuilder
{
    private readonly List<ColumnSymbol> _columns = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);
    private TableSymbol? _reserved;

    public ColumnListBuilder()
    {
    }

    public ColumnListBuilder(IEnumerable<ColumnSymbol> columns)
    {
        foreach (var column in columns) AddOrReplace(column);
    }

    public IReadOnlyList<ColumnSymbol> Columns => _columns;

    /// <summary>Names default names must avoid besides the output's own: the operator's input columns (a second summarize by an unnamed expression gets Column2).</summary>
    public ColumnListBuilder Reserving(TableSymbol input)
    {
        // Looked up by name when needed rather than copied: the input may be a `union *` of thousands of columns.
        _reserved = input;
        return this;
    }

    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>extend: a new name appends, an existing one is replaced where it stands.</summary>
    public void AddOrReplace(ColumnSymbol column)
    {
        if (_index.TryGetValue(column.Name, out var at))
        {
            _columns[at] = column;
            return;
        }

        _index[column.Name] = _columns.Count;
        _columns.Add(column);
    }

    /// <summary>project, summarize: a clashing name gets the first free numeric suffix.</summary>
    public ColumnSymbol AddUnique(ColumnSymbol column)
    {
        var name = column.Name;
        for (var i = 1; _index.ContainsKey(name); i++) name = column.Name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var added = name == column.Name ? column : column.WithName(name);
        _index[name] = _columns.Count;
        _columns.Add(added);
        return added;
    }

    /// <summary>`*` expansions: columns already present are not repeated.</summary>
    public void AddIfAbsent(ColumnSymbol column)
    {
        if (!_index.ContainsKey(column.Name)) AddOrReplace(column);
    }

    /// <summary>
    /// A column of an aggregate's `*` expansion (arg_max(x, *)), as Microsoft's binder names them: a name in
    /// <paramref name="skipped"/> (group keys, the aggregate's own column) is not repeated; any other clash is
    /// renumbered (summarize l = sum(l), arg_max(x, *) by a gives a, l, x, l1; two expansions give x, y, x1, y1).
    /// Expanded names are remembered, because an explicit name meeting one later is renumbered too
    /// (summarize arg_max(x, *), b = count() by a gives a, x, b, b1).
    /// </summary>
    public void AddExpanded(ColumnSymbol column, IReadOnlySet<string> skipped)
    {
        if (skipped.Contains(column.Name)) return;
        var added = AddUnique(column);
        _expanded.Add(added.Name);
    }

    /// <summary>True when the column of this name came from a `*` expansion (<see cref="AddExpanded"/>).</summary>
    public bool IsExpanded(string name) => _expanded.Contains(name);

    public void Remove(string name)
    {
        if (!_index.ContainsKey(name)) return;
        _columns.RemoveAll(c => c.Name == name);
        Reindex();
    }

    public void Rename(string from, string to)
    {
        if (!_index.TryGetValue(from, out var at)) return;
        _columns[at] = _columns[at].WithName(to);
        Reindex();
    }

    /// <summary>The next default name with <paramref name="prefix"/> (Column1, Column2, ...) not yet in use.</summary>
    public string NextDefaultName(string prefix, ref int counter)
    {
        string name;
        do
        {
            name = prefix + (++counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (_index.ContainsKey(name) || _reserved?.Find(name) is not null);
        return name;
    }

    private void Reindex()
    {
        _index.Clear();
        for (var i = 0; i < _columns.Count; i++) _index.TryAdd(_columns[i].Name, i);
    }
}
