using SentinelContent.Facade.Documents;

namespace SentinelContent.Facade.Tests;

/// <summary>The registry of generated documents: what exists, what is stale, what nothing generates any more.</summary>
public sealed class GeneratedDocumentsTests : IDisposable
{
    private readonly ContentRepository _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_fresh_repository_needs_every_document_and_after_writing_them_none()
    {
        _repo.Write("analytics-rules/deletions.yaml", ContentRepository.Rule);

        var documents = GeneratedDocuments.Of(_repo.Root);

        Assert.Empty(documents.Diagnostics);
        var paths = documents.Files.Select(f => f.RelativePath).ToList();
        Assert.Equal(GeneratedDocuments.FromCode.Select(d => d.Path), paths.Take(GeneratedDocuments.FromCode.Count));
        Assert.Contains("docs/diagnostics.md", paths);
        Assert.Contains(paths, p => p.StartsWith("docs/content/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal));
        Assert.Equal(paths, GeneratedDocuments.Stale(_repo.Root, documents).Select(f => f.RelativePath));

        foreach (var file in documents.Files) _repo.Write(file.RelativePath, file.Content);
        Assert.Empty(GeneratedDocuments.Stale(_repo.Root, GeneratedDocuments.Of(_repo.Root)));

        _repo.Write("docs/diagnostics.md", "edited by hand\n");
        var stale = GeneratedDocuments.Stale(_repo.Root, GeneratedDocuments.Of(_repo.Root));
        Assert.Equal(["docs/diagnostics.md"], stale.Select(f => f.RelativePath));
    }

    [Fact]
    public void The_page_of_a_removed_rule_is_an_orphan()
    {
        _repo.Write("analytics-rules/deletions.yaml", ContentRepository.Rule);
        foreach (var file in GeneratedDocuments.Of(_repo.Root).Files) _repo.Write(file.RelativePath, file.Content);
        File.Delete(Path.Combine(_repo.Root, "analytics-rules", "deletions.yaml"));

        var documents = GeneratedDocuments.Of(_repo.Root);

        var orphan = Assert.Single(documents.Orphans);
        Assert.StartsWith("docs/content/", orphan, StringComparison.Ordinal);
    }
}
