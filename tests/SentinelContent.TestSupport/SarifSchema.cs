namespace SentinelContent.TestSupport;

/// <summary>
/// The official SARIF 2.1.0 JSON Schema, taken at test time from Microsoft's SARIF multitool package on npm
/// (it ships sarif-2.1.0.json), so the reporter is checked against the real schema without copying it here.
/// </summary>
public static class SarifSchema
{
    private const string Package = "@microsoft/sarif-multitool-linux@5.7.0";
    private static readonly Lock Gate = new();

    public static string Path()
    {
        var folder = System.IO.Path.Combine(RepositoryPaths.BuildFolder, "sarif-schema");
        var schema = System.IO.Path.Combine(folder, "package", "sarif-2.1.0.json");
        lock (Gate)
        {
            if (File.Exists(schema)) return schema;
            Directory.CreateDirectory(folder);
            var tarball = ExternalProcess.Run("npm", ["pack", Package, "--silent"], folder, TimeSpan.FromMinutes(5)).Trim().Split('\n')[^1].Trim();
            ExternalProcess.Run("tar", ["xzf", tarball, "package/sarif-2.1.0.json"], folder, TimeSpan.FromMinutes(2));
            File.Delete(System.IO.Path.Combine(folder, tarball));
            return schema;
        }
    }
}
