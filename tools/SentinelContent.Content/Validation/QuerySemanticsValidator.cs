using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Content.Model;
using SentinelContent.Core.Text;
using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Content.Validation;

/// <summary>
/// The rule's KQL through the binder, against the built-in tables plus any --schema files: semantic
/// errors at the rule file's line and column, then the rule's column references (entity mappings,
/// custom details, alert details overrides) against the query's result schema, then warnings for
/// costly or surprising query shapes. A table outside the catalog is a warning (SC0308), not an
/// error: the workspace may well have it, and its columns are then simply not checked. Likewise a call
/// to a function the workspace may define (an ASIM parser, a solution's function) is a warning (SC0320)
/// saying how to declare it. Sentinel's own workspace functions (_GetWatchlist) are known, and so are
/// the functions given with --functions.
/// </summary>
public sealed class QuerySemanticsValidator : IRuleValidator
{
    private readonly BindingContext _context;

    public QuerySemanticsValidator(SchemaCatalog? schemas = null, IReadOnlyList<WorkspaceFunction>? functions = null)
    {
        // A declared function of the same name as one of Sentinel's replaces it (the workspace's own definition wins).
        var declared = functions ?? [];
        var workspace = SentinelFunctions.All.Where(f => declared.All(d => d.Name != f.Name)).Concat(declared);
        _context = new BindingContext(WithStandardColumns(schemas ?? BuiltInSchemas.Default), workspaceFunctions: workspace)
        {
            UnknownTablesAreWarnings = true,
            UnknownFunctionsAreWarnings = true,
        };
    }

    // Log Analytics adds its standard columns to every log table; catalogs made from schema exports often lack them.
    private static SchemaCatalog WithStandardColumns(SchemaCatalog catalog) => new(catalog.Tables.Select(StandardColumns.AddTo));

    public void Validate(AnalyticsRule rule, IList<Diagnostic> diagnostics)
    {
        if (rule.Query is not { } query || string.IsNullOrWhiteSpace(query.Value)) return;
        var tree = KqlSyntaxTree.Parse(query.Value);
        if (tree.HasErrors) return; // QuerySyntaxValidator reports them; binding a broken tree would only add noise

        var model = KqlBinder.Bind(tree, _context);
        foreach (var problem in model.Diagnostics)
            diagnostics.Add(new Diagnostic(problem.Descriptor, problem.Severity, problem.Message, query.LocationOf(problem.Span)));
        foreach (var lint in QueryLints.Find(model, _context.Schemas))
            diagnostics.Add(new Diagnostic(lint.Descriptor, lint.Severity, lint.Message, query.LocationOf(lint.Span)));

        if (model.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return;
        if (model.Result is not { Table: { } result } || result.IsOpen) return; // columns not fully known: nothing certain to say
        new RuleColumnChecker(result, diagnostics).Check(rule);
    }
}

/// <summary>Checks that every column a rule maps exists in the query's result with a type Sentinel can use there.</summary>
internal sealed class RuleColumnChecker(TableSymbol result, IList<Diagnostic> diagnostics)
{
    private static readonly ScalarType[] Text = [ScalarType.String];

    public void Check(AnalyticsRule rule)
    {
        foreach (var mapping in rule.EntityMappings)
            foreach (var field in mapping.FieldMappings)
                if (field.ColumnName is { } column)
                    Require(column.Value, column.Location, $"entity mapping of {mapping.EntityType?.Value ?? "an entity"}", null);

        foreach (var detail in rule.CustomDetails)
            Require(detail.Column.Value, detail.Column.Location, $"custom detail '{detail.Key.Value}'", null);

        if (rule.AlertDetailsOverride is not { } details) return;
        if (details.TacticsColumnName is { } tactics) Require(tactics.Value, tactics.Location, "alert tactics column", [ScalarType.String, ScalarType.Dynamic]);
        if (details.SeverityColumnName is { } severity) Require(severity.Value, severity.Location, "alert severity column", Text);
        foreach (var property in details.DynamicProperties)
            if (property.Value is { } value) Require(value.Value, value.Location, $"alert property {property.AlertProperty?.Value}", null);

        foreach (var (format, field) in new[] { (details.DisplayNameFormat, "alertDisplayNameFormat"), (details.DescriptionFormat, "alertDescriptionFormat") })
        {
            if (format is null) continue;
            foreach (var placeholder in AlertPlaceholders.Parse(format.Value).Items)
                Require(placeholder.Column, format.LocationOf(placeholder.Span), $"{field} placeholder", null);
        }
    }

    private void Require(string column, Core.Text.SourceLocation location, string what, ScalarType[]? fitting)
    {
        if (string.IsNullOrWhiteSpace(column)) return; // an empty name is the rule format's concern (AlertDetailsValidator)
        if (result.Find(column) is not { } found)
        {
            diagnostics.Add(new Diagnostic(KqlSemanticDiagnostics.MappedColumnMissing, KqlSemanticDiagnostics.MappedColumnMissing.DefaultSeverity,
                KqlSemanticDiagnostics.MappedColumnMissing.FormatMessage(what, column, Similarity.DidYouMean(column, result.Columns.Select(c => c.Name))), location));
            return;
        }

        if (fitting is null || found.Type == ScalarType.Unknown || fitting.Contains(found.Type)) return;
        diagnostics.Add(new Diagnostic(KqlSemanticDiagnostics.MappedColumnType, KqlSemanticDiagnostics.MappedColumnType.DefaultSeverity,
            KqlSemanticDiagnostics.MappedColumnType.FormatMessage(what, column, found.Type.Name(), string.Join(" or ", fitting.Select(t => t.Name()))), location));
    }
}
