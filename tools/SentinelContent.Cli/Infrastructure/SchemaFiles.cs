using SentinelContent.Core.Diagnostics;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Cli.Infrastructure;

/// <summary>Loads the --schema files of a command into one catalog; a file with errors is a usage error, reported on standard error.</summary>
internal static class SchemaFiles
{
    public static bool TryLoad(CliContext context, IReadOnlyList<string> files, out SchemaCatalog? catalog)
    {
        catalog = null;
        foreach (var file in files)
        {
            var diagnostics = new List<Diagnostic>();
            var loaded = SchemaFileLoader.Load(context.Resolve(file), diagnostics);
            var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            foreach (var error in errors) context.Error.WriteLine(error.ToString());
            if (errors.Count > 0) return false;
            catalog = catalog is null ? loaded : catalog.With(loaded);
        }

        return true;
    }
}
