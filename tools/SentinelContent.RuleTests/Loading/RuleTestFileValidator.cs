using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Kql.Data.Loading;
using SentinelContent.Kql.Schema;
using SentinelContent.RuleTests.Diagnostics;
using SentinelContent.RuleTests.Model;

namespace SentinelContent.RuleTests.Loading;

/// <summary>
/// What `validate` checks in a test file without running anything: its shape, times, that sample files exist,
/// and that every sample row fits its table (known columns, values of the right type).
/// </summary>
public static class RuleTestFileValidator
{
    public static RuleTestFile? Validate(string path, SchemaCatalog catalog, IList<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(path, diagnostics);
        if (source is null) return null;
        var file = RuleTestReader.Read(source, diagnostics);
        if (file is null) return null;
        var samples = new Dictionary<string, IReadOnlyList<SampleRow>?>(StringComparer.Ordinal);
        foreach (var test in file.Tests)
        {
            foreach (var data in test.Data)
            {
                var rows = new List<SampleRow>();
                foreach (var entry in data.Entries)
                {
                    if (entry is InlineRowEntry inline) rows.Add(inline.Row);
                    else if (entry is SampleFileEntry sample)
                    {
                        // Each sample file is read and reported once, however many tests use it.
                        if (!samples.TryGetValue(sample.FullPath, out var read)) samples[sample.FullPath] = read = SampleFileReader.Read(sample.FullPath, diagnostics);
                        if (read is not null) rows.AddRange(read);
                    }
                }
                if (catalog.ForSampleData().Find(data.Table.Value) is null)
                {
                    diagnostics.Add(Diagnostic.Create(RuleTestDiagnostics.UnknownTable, data.Table.Location, data.Table.Value, string.Empty));
                    continue;
                }
                SampleTableBuilder.Build(data.Table.Value, rows, catalog, diagnostics);
            }
        }
        return file;
    }
}
