using SentinelContent.Core.Input;

namespace SentinelContent.Core.Tests.Input;

/// <summary>The one sanitiser for names from a workspace (issue 24, S1): hostile names never become paths.</summary>
public sealed class SafeFileNameTests
{
    public static TheoryData<string> Hostile => new()
    {
        "../../../../outside/x", "..", ".", "...", "/etc/passwd", "C:\\Windows\\System32\\x", "..\\..\\x", "a/b", "a\\b",
        "a\0b", "\0", "name\u001b]52;c;ZWNobyBoaQ==\u0007", "line\rover", "tab\tname", "\u202eevil.exe", "",
        "   ", "CON", "con", "NUL.txt", "COM1", "lpt9", "AUX.yaml", ".hidden", "trailing.", "-", "%2F..%2F..%2Fx",
        new string('a', 300), new string('/', 300), "名前", "emoji 🙂",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_names_become_one_portable_file_name(string name)
    {
        var file = SafeFileName.From(name);
        Assert.InRange(file.Length, 1, SafeFileName.MaxLength);
        Assert.Matches("^[A-Za-z0-9_][A-Za-z0-9_.-]*$", file);
        Assert.DoesNotContain("..", file, StringComparison.Ordinal);
        Assert.False(file.EndsWith('.'));
        Assert.False(SafeFileName.IsReservedWindowsName(file));
        Assert.Equal(file, Path.GetFileName(file));
        // It names a file directly inside the folder, never elsewhere.
        var folder = Path.GetFullPath("/tmp/export");
        Assert.Equal(folder, Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, file + ".yaml"))));
    }

    [Fact]
    public void Safe_names_are_kept_and_changed_ones_keep_a_hash_of_the_original()
    {
        Assert.Equal("SecurityInfoDeleted-RevokeSessions", SafeFileName.From("SecurityInfoDeleted-RevokeSessions"));
        Assert.Equal("vip_users", SafeFileName.From("vip_users"));
        Assert.NotEqual(SafeFileName.From("a/b"), SafeFileName.From("a\\b"));
        Assert.NotEqual(SafeFileName.From("../x"), SafeFileName.From("x"));
        Assert.StartsWith("CON_-", SafeFileName.From("CON"), StringComparison.Ordinal);
        Assert.StartsWith("unnamed-", SafeFileName.From("\ud800"), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_are_cut_and_stay_apart()
    {
        var a = SafeFileName.From(new string('a', 300));
        var b = SafeFileName.From(new string('a', 299) + "b");
        Assert.Equal(SafeFileName.MaxLength, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Names_that_differ_only_in_case_get_files_that_differ_without_case()
    {
        var names = new UniqueFileNames();
        var first = names.Allocate("VIP-Users", ".yaml");
        var second = names.Allocate("vip-users", ".yaml");
        Assert.Equal("VIP-Users.yaml", first);
        Assert.NotEqual(first, second, StringComparer.OrdinalIgnoreCase);
        // A file already in the folder counts as taken too.
        var existing = new UniqueFileNames(["rule.yaml"]);
        Assert.False(existing.TryClaim("RULE.yaml"));
        Assert.NotEqual("Rule.yaml", existing.Allocate("Rule", ".yaml"), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Display_names_without_letters_fall_back_to_a_sanitised_id_never_the_raw_one()
    {
        Assert.Equal(SafeFileName.From("../../../../outside/x"), SafeFileName.FromDisplayName("!!!", "../../../../outside/x"));
        Assert.Equal("Sign-ins-from-a-rare-country-0a1b2c3d-0000-0000-0000-000000000000",
            SafeFileName.FromDisplayName("Sign-ins from a rare country", "0a1b2c3d-0000-0000-0000-000000000000"));
        Assert.DoesNotContain("/", SafeFileName.FromDisplayName("Rule", "../../x"), StringComparison.Ordinal);
    }
}
