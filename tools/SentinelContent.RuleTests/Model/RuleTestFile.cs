using SentinelContent.Core.Text;
using SentinelContent.Kql.Data.Loading;

namespace SentinelContent.RuleTests.Model;

/// <summary>A rule's test file (X.tests.yaml beside X.yaml) and its test cases.</summary>
public sealed record RuleTestFile(SourceText Source, string RulePath, IReadOnlyList<RuleTestCase> Tests);

/// <summary>One test: the data the rule sees, the time it runs at (or a replay span), and what must come out.</summary>
public sealed record RuleTestCase(
    Located<string> Name,
    Located<DateTime> Now,
    IReadOnlyList<TableData> Data,
    Expectation Expect,
    ReplaySpan? Replay,
    SourceLocation Location);

/// <summary>The rows one table holds in a test, from sample files and inline rows, in order.</summary>
public sealed record TableData(Located<string> Table, IReadOnlyList<DataEntry> Entries);

public abstract record DataEntry(SourceLocation Location);

/// <summary>A sample file, with its path resolved against the test file's folder.</summary>
public sealed record SampleFileEntry(string FullPath, SourceLocation Location) : DataEntry(Location);

public sealed record InlineRowEntry(SampleRow Row) : DataEntry(Row.Location);

/// <summary>What a test asserts; absent parts are not checked.</summary>
public sealed record Expectation(
    Located<int>? Alerts,
    Located<int>? Rows,
    Located<int>? Incidents,
    IReadOnlyList<AlertExpectation> AlertDetails,
    SourceLocation Location);

/// <summary>An expected alert, matched partially: only the keys given are compared.</summary>
public sealed record AlertExpectation(
    Located<string>? DisplayName,
    Located<string>? Description,
    Located<string>? Severity,
    IReadOnlyList<Located<string>>? Tactics,
    IReadOnlyList<EntityExpectation> Entities,
    IReadOnlyList<CustomDetailExpectation> CustomDetails,
    SourceLocation Location);

public sealed record EntityExpectation(string Type, IReadOnlyDictionary<string, string> Identifiers, SourceLocation Location);

public sealed record CustomDetailExpectation(string Key, IReadOnlyList<string> Values, SourceLocation Location);

/// <summary>Run the rule on its schedule from From to To instead of once at now.</summary>
public sealed record ReplaySpan(Located<DateTime> From, Located<DateTime> To);
