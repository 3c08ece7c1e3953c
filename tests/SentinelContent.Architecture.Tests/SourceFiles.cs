namespace SentinelContent.Architecture.Tests;

/// <summary>The C# sources of a folder, build output excluded.</summary>
internal static class SourceFiles
{
    public static IEnumerable<string> Under(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
