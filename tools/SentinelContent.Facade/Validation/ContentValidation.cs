using SentinelContent.Content.Validation;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.Format.Discovery;
using SentinelContent.Playbooks.Validation;
using SentinelContent.RuleTests.Loading;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.Facade.Validation;

/// <summary>
/// What `validate` means: every check that runs without executing anything, over the files of a request. The checks
/// are the libraries' validators; this only decides which run, on what, and in which order.
/// </summary>
public static class ContentValidation
{
    /// <summary>
    /// Files in the wrong place (one finding each, nothing else read from them), rules (format, model, query, then checks
    /// across files), their test files and samples, whether each rule is tested both ways, then playbook content
    /// (automation rules are checked against the rules loaded in the same run).
    /// In report order.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(ValidateRequest request)
    {
        var files = request.Files;
        var validator = request.Schemas is null && request.Functions.Count == 0
            ? new ContentValidator()
            : new ContentValidator(
                ContentValidator.RuleValidatorsFor(request.Schemas, request.Functions), ContentValidator.DefaultSetValidators);
        var rules = validator.Validate(files);

        var ruleTests = new List<Diagnostic>();
        var testFiles = new Dictionary<string, RuleTestFile?>(StringComparer.Ordinal);
        foreach (var tests in files.Where(f => f.Kind == ContentFileKind.RuleTests))
            testFiles[Path.GetFullPath(tests.Path)] = RuleTestFileValidator.Validate(tests.Path, request.Catalog, ruleTests);
        if (!request.AllowUntested)
        {
            foreach (var rule in rules.Rules)
            {
                var testFile = testFiles.GetValueOrDefault(Path.GetFullPath(RuleTestCoverage.TestPathFor(rule.Source.Path)));
                RuleTestCoverage.Check(rule, testFile, ruleTests);
            }
        }

        // Without rules in the run there is nothing to check an automation rule's rule ids against.
        var anyRules = files.Any(f => f.Kind == ContentFileKind.AnalyticsRule);
        var ruleIds = anyRules ? rules.Rules.Where(r => r.Id is not null).Select(r => r.Id!.Value.Value).ToList() : null;
        var playbooks = PlaybookContentValidator.Validate(files, ruleIds);

        var misplaced = files.Where(f => f.Kind == ContentFileKind.Misplaced).Select(ContentDiscovery.Misplaced);

        return DiagnosticIdentity.InReportOrder([.. misplaced, .. rules.Diagnostics, .. ruleTests, .. playbooks.Diagnostics]);
    }
}
