using System.Collections;

namespace SentinelContent.Core.Diagnostics;

/// <summary>Collects diagnostics in the order they are found; thread-safe so files can be checked in parallel.</summary>
public sealed class DiagnosticBag : IReadOnlyCollection<Diagnostic>
{
    private readonly List<Diagnostic> _items = [];
    private readonly Lock _gate = new();

    public int Count { get { lock (_gate) return _items.Count; } }

    public bool HasErrors { get { lock (_gate) return _items.Exists(d => d.Severity == DiagnosticSeverity.Error); } }

    public void Add(Diagnostic diagnostic) { lock (_gate) _items.Add(diagnostic); }

    public void AddRange(IEnumerable<Diagnostic> diagnostics) { lock (_gate) _items.AddRange(diagnostics); }

    /// <summary>A stable order for output: by file, then line, then column, then code.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (_gate)
        {
            return [.. _items
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Start)
                .ThenBy(d => d.Code, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal)];
        }
    }

    public IEnumerator<Diagnostic> GetEnumerator()
    {
        lock (_gate) return _items.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
