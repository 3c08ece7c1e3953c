namespace SentinelContent.Core.Diagnostics;

/// <summary>SC00xx: problems with an input file as a whole, before its content is understood.</summary>
public static class InputDiagnostics
{
    private const string Category = "Input";

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "SC0001", "File cannot be read", "cannot read the file: {0}", DiagnosticSeverity.Error, Category,
        "The file could not be opened or read (missing, a directory, or no permission). Check the path and its permissions.");

    public static readonly DiagnosticDescriptor InvalidYaml = new(
        "SC0002", "Not valid YAML", "not valid YAML: {0}", DiagnosticSeverity.Error, Category,
        "The YAML parser stopped at this place. Common causes: a tab used for indentation, a `:` inside an unquoted value, or a block scalar (`|`) whose lines are not indented under its key.");

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "SC0003", "File too large", "the file is {0:N0} bytes; the limit for this kind of file is {1:N0} bytes", DiagnosticSeverity.Error, Category,
        "Content files are small by nature (a rule is a few kilobytes). The limit keeps a stray log dump or generated file from stalling validation. Move large data into sample files, which have their own limit.");

    public static readonly DiagnosticDescriptor NotText = new(
        "SC0004", "Not a UTF-8 text file", "the file is not UTF-8 text ({0})", DiagnosticSeverity.Error, Category,
        "The file holds NUL bytes or bytes that are not valid UTF-8, so it is binary or in another encoding. Save it as UTF-8.");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "SC0005", "Nesting too deep", "the YAML is nested more than {0} levels deep", DiagnosticSeverity.Error, Category,
        "No content format here needs deep nesting; very deep nesting is a sign of a generated or hostile file.");

    public static readonly DiagnosticDescriptor TooManyNodes = new(
        "SC0006", "Document too large once aliases are expanded", "the YAML expands to more than {0:N0} nodes (aliases count once per use)", DiagnosticSeverity.Error, Category,
        "Anchors and aliases (`&a`, `*a`) can make a small file expand to billions of nodes (a \"YAML bomb\"). Content files do not need aliases; write the values out.");

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "SC0007", "Duplicate key", "the key '{0}' appears more than once in this mapping (first at line {1})", DiagnosticSeverity.Error, Category,
        "YAML mappings must have unique keys; parsers disagree on which value wins. Keep one of them.");

    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "SC0008", "Empty file", "the file holds no YAML document", DiagnosticSeverity.Error, Category,
        "The file is empty or holds only comments. Remove it, or write the content it is meant to hold.");

    public static readonly DiagnosticDescriptor MultipleDocuments = new(
        "SC0009", "More than one YAML document", "the file holds more than one YAML document (`---`); only the first is read", DiagnosticSeverity.Error, Category,
        "Each content file holds exactly one item. Split the documents into separate files.");

    public static readonly DiagnosticDescriptor UnsupportedKey = new(
        "SC0010", "Key is not a plain value", "mapping keys must be plain text values", DiagnosticSeverity.Error, Category,
        "A mapping key here is itself a list or mapping (`? [a, b]: ...`). Content formats use text keys only.");

    public static readonly DiagnosticDescriptor PathOutside = new(
        "SC0011", "Path leaves the repository", "{0}", DiagnosticSeverity.Error, Category,
        "Paths written in content (a test's `file:`, a playbook test's mock file) and files found in content folders must stay inside the repository, because content arrives in pull requests and CI runs on it. Absolute paths, `..` that climbs out, and symbolic links that lead out (to /etc/passwd, a home folder, another checkout) are refused. Copy the file into the repository and name it relative to the file that uses it.");

    public static readonly DiagnosticDescriptor NotRegularFile = new(
        "SC0012", "Not a regular file", "cannot read the file: it is {0}", DiagnosticSeverity.Error, Category,
        "Only regular files are read. A named pipe (FIFO) would block the run until something writes to it, and a device such as /dev/zero or /dev/random never ends. Point the path at an ordinary file.");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [FileUnreadable, InvalidYaml, FileTooLarge, NotText, NestingTooDeep, TooManyNodes, DuplicateKey, EmptyDocument, MultipleDocuments, UnsupportedKey, PathOutside, NotRegularFile];

    /// <summary>The diagnostic for a file <see cref="Input.RegularFile"/> or <see cref="Input.ContainedPath"/> refused.</summary>
    public static Diagnostic For(Input.InputFileException refused, Text.SourceLocation where) => refused.Problem switch
    {
        Input.InputProblem.TooLarge when refused.Size is { } size && refused.Limit is { } limit => Diagnostic.Create(FileTooLarge, where, size, limit),
        Input.InputProblem.TooLarge => new Diagnostic(FileTooLarge, FileTooLarge.DefaultSeverity, refused.Message, where),
        Input.InputProblem.NotRegular => Diagnostic.Create(NotRegularFile, where, refused.Message.Replace(", not a regular file", string.Empty, StringComparison.Ordinal)),
        Input.InputProblem.Outside => Diagnostic.Create(PathOutside, where, refused.Message),
        _ => Diagnostic.Create(FileUnreadable, where, refused.Message),
    };
}
