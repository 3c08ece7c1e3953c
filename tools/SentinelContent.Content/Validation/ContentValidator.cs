using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Content.Loading;
using SentinelContent.Format.Discovery;
using SentinelContent.Content.Model;

namespace SentinelContent.Content.Validation;

/// <summary>What a validation run found.</summary>
public sealed record ValidationResult(IReadOnlyList<ContentFile> Files, IReadOnlyList<AnalyticsRule> Rules, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}

/// <summary>
/// Runs the whole validation pipeline: read each file (in parallel), check its shape, run every rule
/// validator, then the checks across rules. Diagnostics come back in a stable order.
/// </summary>
public sealed class ContentValidator(IReadOnlyList<IRuleValidator> ruleValidators, IReadOnlyList<IRuleSetValidator> setValidators)
{
    public ContentValidator() : this(DefaultRuleValidators, DefaultSetValidators) { }

    public static IReadOnlyList<IRuleValidator> DefaultRuleValidators { get; } = RuleValidatorsFor(null);

    /// <summary>
    /// The rule validators, with queries bound against the built-in tables plus <paramref name="schemas"/> (from --schema files)
    /// and the workspace's own <paramref name="functions"/> (from --functions, or a schema file written by schema pull).
    /// </summary>
    public static IReadOnlyList<IRuleValidator> RuleValidatorsFor(Kql.Schema.SchemaCatalog? schemas, IReadOnlyList<Kql.Binding.WorkspaceFunction>? functions = null) =>
    [
        new ScheduleValidator(),
        new AttackValidator(),
        new EntityMappingValidator(),
        new AlertDetailsValidator(),
        new IncidentGroupingValidator(),
        new VersionValidator(),
        new QuerySyntaxValidator(),
        new QuerySemanticsValidator(schemas is null ? null : Kql.Schema.BuiltInSchemas.With(schemas), functions),
    ];

    public static IReadOnlyList<IRuleSetValidator> DefaultSetValidators { get; } = [new DuplicateIdValidator()];

    public ValidationResult Validate(IReadOnlyList<ContentFile> files, CancellationToken cancellationToken = default)
    {
        var bag = new DiagnosticBag();
        var rules = new AnalyticsRule?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var diagnostics = new List<Diagnostic>();
            if (files[i].Kind == ContentFileKind.AnalyticsRule) rules[i] = ValidateRule(files[i].Path, diagnostics);
            bag.AddRange(diagnostics);
        });

        var loaded = rules.OfType<AnalyticsRule>().ToList();
        var setDiagnostics = new List<Diagnostic>();
        foreach (var validator in setValidators) validator.Validate(loaded, setDiagnostics);
        bag.AddRange(setDiagnostics);
        return new ValidationResult(files, loaded, bag.Sorted());
    }

    private AnalyticsRule? ValidateRule(string path, List<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(path, diagnostics);
        if (source is null) return null;
        var rule = AnalyticsRuleReader.Read(source, diagnostics);
        if (rule is null) return null;
        foreach (var validator in ruleValidators) validator.Validate(rule, diagnostics);
        return rule;
    }
}
