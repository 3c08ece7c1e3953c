using System.Text.Json;

namespace SentinelContent.Content.Catalogs;

/// <summary>One entity type: its identifiers and the sets of identifiers of which at least one must be mapped.</summary>
public sealed record EntityType(string Name, IReadOnlyList<string> Identifiers, IReadOnlyList<IReadOnlyList<string>> RequiredSets);

/// <summary>Sentinel's entity types and their identifiers, loaded from Catalogs/Data/entities.json.</summary>
public sealed class EntityCatalog
{
    private readonly Dictionary<string, EntityType> _types;

    private EntityCatalog(IEnumerable<EntityType> types)
    {
        _types = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        TypeNames = [.. _types.Keys];
    }

    public static EntityCatalog Default { get; } = Load();

    public IReadOnlyList<string> TypeNames { get; }

    public EntityType? Find(string name) => _types.GetValueOrDefault(name);

    private static EntityCatalog Load()
    {
        using var document = EmbeddedData.ReadJson("entities.json");
        var types = new List<EntityType>();
        foreach (var item in document.RootElement.GetProperty("entityTypes").EnumerateArray())
        {
            types.Add(new EntityType(
                item.GetProperty("name").GetString()!,
                [.. item.GetProperty("identifiers").EnumerateArray().Select(i => i.GetString()!)],
                [.. item.GetProperty("requiredSets").EnumerateArray().Select(set => (IReadOnlyList<string>)[.. set.EnumerateArray().Select(i => i.GetString()!)])]));
        }
        return new EntityCatalog(types);
    }
}

/// <summary>Reads the JSON catalogs embedded in this assembly from Catalogs/Data.</summary>
internal static class EmbeddedData
{
    public static JsonDocument ReadJson(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonDocument.Parse(stream);
    }
}
