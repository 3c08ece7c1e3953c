using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SentinelContent.Kql.Tests.Evaluation.Conformance;

/// <summary>
/// One example of the KQL reference documentation, restated in the project's own words and data: a query that
/// makes its own rows (datatable, range, print), the result columns as name:type and the rows it documents.
/// </summary>
public sealed class ConformanceCase
{
    /// <summary>file stem + "." + name, unique across the suite.</summary>
    [YamlIgnore]
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The reference page the example comes from.</summary>
    public string Source { get; set; } = string.Empty;

    public string Query { get; set; } = string.Empty;

    /// <summary>Expected result columns as name:type.</summary>
    public List<string> Columns { get; set; } = [];

    /// <summary>Expected rows, each value as KQL writes it (tostring form; dynamic as JSON; null as ~).</summary>
    public List<List<string?>> Rows { get; set; } = [];

    /// <summary>Whether the row order is part of what the example shows (sort, top, serialize...); otherwise rows compare as a multiset.</summary>
    public bool Ordered { get; set; }

    public override string ToString() => Id;

    private static readonly IDeserializer Reader = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public static string Folder => Path.Combine(Infrastructure.RepositoryPaths.Root, "tests", "SentinelContent.Kql.Tests", "Evaluation", "Conformance", "cases");

    /// <summary>Every case of every cases/*.yaml file, in file and then document order.</summary>
    public static IReadOnlyList<ConformanceCase> All() =>
    [
        .. Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal).SelectMany(file =>
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var cases = Reader.Deserialize<List<ConformanceCase>>(File.ReadAllText(file)) ?? [];
            foreach (var c in cases) c.Id = $"{stem}.{c.Name}";
            return cases;
        }),
    ];
}
