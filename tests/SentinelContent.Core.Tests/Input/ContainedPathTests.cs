using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;

namespace SentinelContent.Core.Tests.Input;

/// <summary>Paths from content stay in the repository, symbolic links included (issue 24, S3).</summary>
public sealed class ContainedPathTests : IDisposable
{
    private readonly string _outside = Directory.CreateTempSubdirectory("sc-outside-").FullName;
    private readonly string _repo = Directory.CreateTempSubdirectory("sc-repo-").FullName;

    public ContainedPathTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "analytics-rules", "pack", "samples"));
        File.WriteAllText(Path.Combine(_repo, "analytics-rules", "pack", "samples", "ok.jsonl"), "{}");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "root:x:0:0");
    }

    public void Dispose()
    {
        Directory.Delete(_repo, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }

    private string Folder => Path.Combine(_repo, "analytics-rules", "pack");

    [Fact]
    public void A_path_inside_resolves_to_its_real_path()
    {
        var resolved = ContainedPath.Resolve(_repo, Folder, "samples/ok.jsonl");
        Assert.Equal(ContainedPath.RealPath(Path.Combine(Folder, "samples", "ok.jsonl")), resolved);
        Assert.Equal(ContainedPath.RealPath(Path.Combine(Folder, "samples", "ok.jsonl")), ContainedPath.Resolve(_repo, Folder, "samples/../samples/./ok.jsonl"));
    }

    [Theory]
    [InlineData("../../../../../../../etc/passwd")]
    [InlineData("../../../outside/x")]
    [InlineData("samples/../../../..")]
    public void Climbing_out_is_refused(string given)
    {
        var refused = Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, given));
        Assert.Equal(InputProblem.Outside, refused.Problem);
        Assert.Contains("leads outside the repository", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/shadow")]
    [InlineData("/etc/passwd")]
    [InlineData("~/.ssh/id_rsa")]
    public void Absolute_paths_are_refused(string given)
    {
        var refused = Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, given));
        Assert.Contains("absolute path", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_or_an_empty_path_is_refused()
    {
        Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, "samples/ok.jsonl\0.txt"));
        Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, " "));
    }

    [Fact]
    public void A_symlinked_file_that_leads_out_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "samples", "passwd.jsonl"), Path.Combine(_outside, "secret.txt"));
        var refused = Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, "samples/passwd.jsonl"));
        Assert.Contains("symbolic link that leads outside", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_symlinked_folder_that_leads_out_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Folder, "escape"), _outside);
        Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, "escape/secret.txt"));
        // .. after a link climbs from the link's target, as the system does, and is refused too.
        Directory.CreateSymbolicLink(Path.Combine(Folder, "deep"), Path.Combine(_outside));
        Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, "deep/../" + Path.GetFileName(_outside) + "/secret.txt"));
    }

    [Fact]
    public void A_link_that_stays_inside_is_followed()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "alias.jsonl"), Path.Combine("samples", "ok.jsonl"));
        Assert.Equal(ContainedPath.RealPath(Path.Combine(Folder, "samples", "ok.jsonl")), ContainedPath.Resolve(_repo, Folder, "alias.jsonl"));
    }

    [Fact]
    public void A_loop_of_links_is_refused_not_followed_forever()
    {
        File.CreateSymbolicLink(Path.Combine(Folder, "a"), Path.Combine(Folder, "b"));
        File.CreateSymbolicLink(Path.Combine(Folder, "b"), Path.Combine(Folder, "a"));
        Assert.Throws<InputFileException>(() => ContainedPath.Resolve(_repo, Folder, "a"));
    }

    [Fact]
    public void Reading_content_through_a_link_out_gives_SC0011_and_never_echoes_the_target()
    {
        var link = Path.Combine(Folder, "Rule.yaml");
        File.CreateSymbolicLink(link, Path.Combine(_outside, "secret.txt"));
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SourceFileReader.ReadContent(link, diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(InputDiagnostics.PathOutside, d.Descriptor);
        Assert.DoesNotContain("root:x", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_is_the_nearest_folder_with_a_marker_else_the_file_folder()
    {
        Assert.Equal(Path.GetFullPath(_repo), RepositoryRoot.Of(Path.Combine(Folder, "samples", "ok.jsonl")));
        Assert.Equal(Path.GetFullPath(_outside), RepositoryRoot.Of(Path.Combine(_outside, "secret.txt")));
    }
}
