using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

/// <summary>The result columns of union (and search) over several tables, as the official binder names them.</summary>
internal static class UnionColumns
{
    /// <summary>All columns by first appearance; a name with different types becomes one column per type (Name_string, Name_long).</summary>
    public static List<ColumnSymbol> Outer(IEnumerable<TableSymbol> tables)
    {
        var typesByName = new Dictionary<string, List<ScalarType>>(StringComparer.Ordinal);
        var order = new List<(string Name, ScalarType Type)>();
        foreach (var column in tables.SelectMany(t => t.Columns))
        {
            if (!typesByName.TryGetValue(column.Name, out var types)) typesByName[column.Name] = types = [];
            if (types.Contains(column.Type) || types.Contains(ScalarType.Unknown)) continue;
            if (column.Type == ScalarType.Unknown && types.Count > 0)
            {
                types.Clear();
                types.Add(ScalarType.Unknown);
                continue;
            }

            types.Add(column.Type);
            order.Add((column.Name, column.Type));
        }

        // Columns of one name stay together at the first one's position.
        return order.Select(c => c.Name).Distinct(StringComparer.Ordinal)
            .SelectMany(name => typesByName[name].Count > 1 && !typesByName[name].Contains(ScalarType.Unknown)
                ? typesByName[name].Select(type => new ColumnSymbol(name + "_" + type.Name(), type))
                : [new ColumnSymbol(name, typesByName[name][0])])
            .ToList();
    }

    public static List<ColumnSymbol> Inner(List<TableSymbol> tables)
    {
        if (tables.Count == 0) return [];
        return tables[0].Columns.Where(c => tables.All(t => t.Find(c.Name) is { } other && other.Type == c.Type)).ToList();
    }
}
