using SentinelContent.Core.Diagnostics;
using SentinelContent.Content.Catalogs;
using SentinelContent.Content.Diagnostics;
using SentinelContent.Content.Model;
using SentinelContent.Core.Values;

namespace SentinelContent.Content.Validation;

/// <summary>Entity mappings: each identifier belongs to its entity type and each mapping can identify its entity.</summary>
public sealed class EntityMappingValidator(EntityCatalog catalog) : IRuleValidator
{
    public EntityMappingValidator() : this(EntityCatalog.Default) { }

    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        foreach (var mapping in rule.EntityMappings)
        {
            if (mapping.EntityType is not { } typeName || catalog.Find(typeName.Value) is not { } type) continue;

            var mapped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in mapping.FieldMappings)
            {
                if (field.Identifier is not { } identifier) continue;
                if (!type.Identifiers.Contains(identifier.Value))
                {
                    diagnostics.Report(RuleDiagnostics.UnknownIdentifier, identifier.Location, identifier.Value, type.Name,
                        Similarity.DidYouMean(identifier.Value, type.Identifiers), string.Join(", ", type.Identifiers));
                    continue;
                }
                if (!mapped.Add(identifier.Value))
                    diagnostics.Report(RuleDiagnostics.DuplicateIdentifier, identifier.Location, identifier.Value, type.Name);
            }

            var identifiable = type.RequiredSets.Any(set => set.All(mapped.Contains));
            var allIdentifiersValid = mapping.FieldMappings.All(f => f.Identifier is { } i && type.Identifiers.Contains(i.Value));
            if (!identifiable && mapping.FieldMappings.Count > 0 && allIdentifiersValid)
                diagnostics.Report(RuleDiagnostics.MissingRequiredIdentifier, typeName.Location, type.Name,
                    string.Join(" or ", type.RequiredSets.Select(set => string.Join(" + ", set))));
        }
    }
}
