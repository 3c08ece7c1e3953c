using SentinelContent.Content.Catalogs;
using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;

namespace SentinelContent.Simulation.Alerts;

/// <summary>
/// Entities from entityMappings: per row and mapping, the identifiers whose column has a value. An entity
/// with none of its type's required identifier sets is dropped (Sentinel cannot identify it); identical
/// entities are merged; each mapping keeps at most its equal share of the 500 entities an alert holds.
/// </summary>
public sealed class EntityExtractor(AnalyticsRule rule, DataTable result, EntityCatalog catalog)
{
    public IReadOnlyList<SimulatedEntity> Extract(IEnumerable<int> rows)
    {
        var mappings = rule.EntityMappings;
        if (mappings.Count == 0) return [];
        var perMapping = SentinelLimits.EntitiesPerAlert / mappings.Count;
        var entities = new List<SimulatedEntity>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rowList = rows as IReadOnlyList<int> ?? [.. rows];
        foreach (var mapping in mappings)
        {
            if (mapping.EntityType?.Value is not { } typeName || catalog.Find(typeName) is not { } type) continue;
            var taken = 0;
            foreach (var row in rowList)
            {
                if (taken >= perMapping) break;
                var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var field in mapping.FieldMappings)
                {
                    if (field.Identifier?.Value is not { } identifier || field.ColumnName?.Value is not { } columnName) continue;
                    if (result.Find(columnName) is not { } column) continue;
                    var value = ValueText.Of(column, row);
                    if (!string.IsNullOrWhiteSpace(value)) identifiers[identifier] = value;
                }
                if (!type.RequiredSets.Any(set => set.All(identifiers.ContainsKey))) continue;
                var entity = new SimulatedEntity(type.Name, identifiers);
                if (seen.Add(entity.Key))
                {
                    entities.Add(entity);
                    taken++;
                }
            }
        }
        return entities;
    }
}
