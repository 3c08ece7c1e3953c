using SentinelContent.Format.Discovery;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Facade.Validation;

/// <summary>What to validate, and what the checks may know beyond the built-in catalogs.</summary>
/// <param name="Files">The content files, as <see cref="ContentDiscovery"/> found them.</param>
public sealed record ValidateRequest(IReadOnlyList<ContentFile> Files)
{
    /// <summary>Tables outside the built-in catalog (--schema files, a `schema pull`).</summary>
    public SchemaCatalog? Schemas { get; init; }

    /// <summary>Workspace functions the rules may call (--functions, or a schema file from `schema pull`).</summary>
    public IReadOnlyList<WorkspaceFunction> Functions { get; init; } = [];

    /// <summary>Whether a rule may lack a test expecting alerts and one expecting none (SC0409).</summary>
    public bool AllowUntested { get; init; }

    /// <summary>The bounds of each rule test's query runs when the tests run too (check's --max-memory).</summary>
    public Kql.Evaluation.EvaluationLimits? Limits { get; init; }

    /// <summary>The built-in table catalog with <see cref="Schemas"/> added.</summary>
    public SchemaCatalog Catalog => BuiltInSchemas.With(Schemas);
}
