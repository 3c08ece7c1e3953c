using System.Reflection;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Facade.Diagnostics;
using SentinelContent.TestSupport;

namespace SentinelContent.Facade.Tests;

/// <summary>
/// Every diagnostic descriptor declared anywhere in the tool is in the catalog (so reports and docs know it) and
/// documented in docs/diagnostics.md; found by reflection, so a new code cannot be forgotten in a list.
/// </summary>
public sealed class DiagnosticCatalogTests
{
    private static readonly BindingFlags Statics =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Every_declared_descriptor_is_registered_and_documented()
    {
        var declared = DeclaredDescriptors();
        Assert.True(declared.Count > 100, $"found only {declared.Count} descriptors: is the reflection looking in the right assemblies?");
        var registered = DiagnosticCatalog.All.ToHashSet();
        var documentation = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));

        var unregistered = declared
            .Where(d => !registered.Contains(d.Descriptor))
            .Select(d => $"{d.Descriptor.Code} ({d.Member})").ToList();
        var undocumented = declared
            .Where(d => !documentation.Contains($"### {d.Descriptor.Code}\n\n**{d.Descriptor.Title}**", StringComparison.Ordinal))
            .Select(d => $"{d.Descriptor.Code} ({d.Member})").ToList();

        Assert.True(unregistered.Count == 0,
            $"declared but not in DiagnosticCatalog.All (add them to their class's All list): {string.Join(", ", unregistered)}");
        Assert.True(undocumented.Count == 0,
            $"not documented in docs/diagnostics.md (run 'sentinelctl docs'): {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void The_catalog_holds_only_declared_descriptors_once_each()
    {
        var declared = DeclaredDescriptors().Select(d => d.Descriptor).ToHashSet();
        Assert.All(DiagnosticCatalog.All, d => Assert.Contains(d, declared));
        var repeated = DiagnosticCatalog.All.GroupBy(d => d.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"codes registered twice: {string.Join(", ", repeated)}");
    }

    [Fact]
    public void Every_code_is_named_by_a_test()
    {
        // A test names a code by writing it ("SC0404") or its descriptor (PlaybookDiagnostics.TooManyCases); each
        // such test asserts the situation that raises it. This keeps a new code from arriving without one.
        var testsFolder = Path.Combine(RepositoryPaths.Root, "tests");
        var text = string.Join("\n", Directory.EnumerateFiles(testsFolder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".yaml", StringComparison.Ordinal))
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(p => !p.EndsWith(nameof(DiagnosticCatalogTests) + ".cs", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var unnamed = DeclaredDescriptors()
            .Where(d => !text.Contains(d.Descriptor.Code, StringComparison.Ordinal))
            .Where(d => !text.Contains(ShortName(d.Member), StringComparison.Ordinal))
            .Select(d => $"{d.Descriptor.Code} ({d.Member})")
            .Distinct()
            .ToList();
        Assert.True(unnamed.Count == 0, $"no test raises these codes: {string.Join(", ", unnamed)}");
    }

    /// <summary>"PlaybookDiagnostics.TooManyCases" of "SentinelContent.Playbooks.Diagnostics.PlaybookDiagnostics.TooManyCases".</summary>
    private static string ShortName(string member)
    {
        var parts = member.Split('.');
        return $"{parts[^2]}.{parts[^1]}";
    }

    /// <summary>Every static field or property of type DiagnosticDescriptor in the tool's own assemblies.</summary>
    private static List<(DiagnosticDescriptor Descriptor, string Member)> DeclaredDescriptors()
    {
        var found = new List<(DiagnosticDescriptor, string)>();
        foreach (var assembly in ToolAssemblies())
        {
            foreach (var type in assembly.GetTypes().Where(t => !t.ContainsGenericParameters))
            {
                foreach (var field in type.GetFields(Statics).Where(f => f.FieldType == typeof(DiagnosticDescriptor)))
                    found.Add(((DiagnosticDescriptor)field.GetValue(null)!, $"{type.FullName}.{field.Name}"));
                foreach (var property in type.GetProperties(Statics).Where(p => p.PropertyType == typeof(DiagnosticDescriptor)
                    && p.GetIndexParameters().Length == 0))
                    found.Add(((DiagnosticDescriptor)property.GetValue(null)!, $"{type.FullName}.{property.Name}"));
            }
        }
        return found;
    }

    /// <summary>The façade and the SentinelContent libraries it references, directly or not: every library that reports.</summary>
    private static List<Assembly> ToolAssemblies()
    {
        var seen = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(DiagnosticCatalog).Assembly]);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!seen.TryAdd(assembly.GetName().Name!, assembly)) continue;
            foreach (var name in assembly.GetReferencedAssemblies().Where(n => n.Name!.StartsWith("SentinelContent.",
                StringComparison.Ordinal)))
                pending.Push(Assembly.Load(name));
        }
        return [.. seen.Values];
    }
}
