using System.Text.Json;

namespace SentinelContent.Playbooks.Expressions;

/// <summary>One WDL function: its name and how many arguments it takes (Max null: any number).</summary>
public sealed record FunctionSignature(string Name, int Min, int? Max, string Category)
{
    public bool Accepts(int count) => count >= Min && (Max is null || count <= Max);

    public string ArityText => Max is null ? $"at least {Min}" : Min == Max ? $"{Min}" : $"{Min} to {Max}";
}

/// <summary>The WDL functions, read from the embedded data file Expressions/Data/functions.json.</summary>
public sealed class FunctionCatalog
{
    private readonly Dictionary<string, FunctionSignature> _byName;

    private FunctionCatalog(IEnumerable<FunctionSignature> functions) =>
        _byName = functions.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static FunctionCatalog Default { get; } = Load();

    public IEnumerable<string> Names => _byName.Keys;

    public FunctionSignature? Find(string name) => _byName.GetValueOrDefault(name);

    private static FunctionCatalog Load()
    {
        using var stream = typeof(FunctionCatalog).Assembly.GetManifestResourceStream("SentinelContent.Playbooks.Expressions.Data.functions.json")
            ?? throw new InvalidOperationException("the function catalog resource is missing from the assembly");
        using var document = JsonDocument.Parse(stream);
        return new FunctionCatalog(document.RootElement.GetProperty("functions").EnumerateArray().Select(f => new FunctionSignature(
            f.GetProperty("name").GetString()!,
            f.GetProperty("min").GetInt32(),
            f.GetProperty("max").ValueKind == JsonValueKind.Null ? null : f.GetProperty("max").GetInt32(),
            f.GetProperty("category").GetString()!)));
    }
}
