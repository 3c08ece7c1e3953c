using SentinelContent.Core.Diagnostics;

namespace SentinelContent.Kql.Syntax;

/// <summary>The syntax diagnostics of the KQL parser (SC02xx). Each says what is wrong and what to write instead.</summary>
public static class KqlSyntaxDiagnostics
{
    private const string Category = "Kql";

    public static readonly DiagnosticDescriptor BadCheckInput = new(
        "SC0200", "Bad kql check input", "{0}", DiagnosticSeverity.Error, Category,
        "Each input line of `sentinelctl kql check` must be a JSON object with a string \"query\" (and an \"id\"), " +
        "for example {\"id\": \"rule-1\", \"query\": \"SecurityEvent | take 1\"}. Fix or remove the line.");

    public static readonly DiagnosticDescriptor UnexpectedCharacter = new(
        "SC0201", "Unexpected character", "Unexpected character '{0}'", DiagnosticSeverity.Error, Category,
        "The query contains a character that is not part of the query language (for example a stray '\\' or '!' outside an operator). " +
        "Remove it, or put it inside a string literal if it is meant as text.");

    public static readonly DiagnosticDescriptor UnterminatedLiteral = new(
        "SC0202", "Unterminated literal", "Missing closing {0}", DiagnosticSeverity.Error, Category,
        "A string or typed literal is not closed before the end of the line (or contains an invalid escape such as \\d). " +
        "Close it with the matching quote or parenthesis; for regular expressions use a verbatim string, @\"...\", so backslashes need no escaping.");

    public static readonly DiagnosticDescriptor ExpectedToken = new(
        "SC0203", "Expected token", "Expected {0}", DiagnosticSeverity.Error, Category,
        "The grammar requires this token here: a comma between list items, ';' between statements, a closing ')' or a keyword such as 'by' or 'on'. " +
        "Insert it; if two queries follow each other, separate them with ';' or keep only one.");

    public static readonly DiagnosticDescriptor MissingExpression = new(
        "SC0204", "Missing expression", "Missing expression", DiagnosticSeverity.Error, Category,
        "An operator or clause has no operand, e.g. 'where' with nothing after it or 'x ==' with no right side. " +
        "Write the missing expression; a reserved word used as a name must be bracketed: ['name'].");

    public static readonly DiagnosticDescriptor QueryOperatorExpected = new(
        "SC0205", "Query operator expected", "Query operator expected after '|'", DiagnosticSeverity.Error, Category,
        "A '|' must be followed by a tabular operator (where, extend, project, summarize, join, ...). " +
        "Check the spelling of the operator or remove the extra '|'.");

    public static readonly DiagnosticDescriptor UnexpectedText = new(
        "SC0206", "Unexpected text", "Unexpected text after the end of the query", DiagnosticSeverity.Error, Category,
        "The parser reached text it cannot continue the query with, often an unbalanced ')' or a query that starts with '|'. " +
        "Remove the text or complete the expression it belongs to.");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "SC0207", "Nesting too deep", "The query nests more than {0} levels deep", DiagnosticSeverity.Error, Category,
        "Expressions or subqueries are nested too deeply to analyse safely. " +
        "Flatten the query with 'let' statements or fewer nested parentheses.");

    public static readonly DiagnosticDescriptor QueryTooLong = new(
        "SC0208", "Query too long", "The query is {0} characters long; the limit is {1}", DiagnosticSeverity.Error, Category,
        "The query text exceeds the size the toolchain analyses. Split the logic into functions or shorter rules.");

    public static readonly DiagnosticDescriptor MissingName = new(
        "SC0209", "Missing name", "Missing name", DiagnosticSeverity.Error, Category,
        "A name (column, variable or parameter) is required here. Write an identifier, or bracket a reserved word: ['where'].");

    public static readonly DiagnosticDescriptor MissingValue = new(
        "SC0210", "Missing value", "Missing {0}", DiagnosticSeverity.Error, Category,
        "A literal value (string, number, JSON value, type or parameter) is required here. Write the value the operator expects.");

    public static readonly DiagnosticDescriptor MissingClause = new(
        "SC0211", "Missing clause", "Missing {0}", DiagnosticSeverity.Error, Category,
        "The operator requires a clause here, e.g. 'lookup' needs 'on ...'. Add the clause.");

    public static readonly DiagnosticDescriptor RawGuidNotAllowed = new(
        "SC0212", "Bare GUID literal", "A GUID must be written as guid(...)", DiagnosticSeverity.Error, Category,
        "A bare GUID is not a value in an expression. Write guid(00000000-0000-0000-0000-000000000000) or put it in a string.");

    public static readonly DiagnosticDescriptor UnknownTypeName = new(
        "SC0213", "Unknown type name", "'{0}' is not a type that can be used here", DiagnosticSeverity.Error, Category,
        "Columns and parameters take one of the scalar types: bool, datetime, decimal, dynamic, guid, int, long, real, string, timespan. " +
        "Check the spelling (string, not str) and use long or real instead of int32 or float.");

    public static readonly DiagnosticDescriptor NameNeedsBrackets = new(
        "SC0214", "Name needs brackets", "The name '{0}' must be bracketed as ['{0}']", DiagnosticSeverity.Error, Category,
        "A name containing '-' or '$' reads as an expression (a minus b). Write it bracketed, ['Synced-Folder'], or choose a plain name.");

    public static readonly DiagnosticDescriptor TooManyErrors = new(
        "SC0215", "Too many errors", "{0:N0} more errors in this query are not shown", DiagnosticSeverity.Error, Category,
        "A query reports at most 100 syntax errors and 100 semantic errors; the rest are counted in this one. Text that is " +
        "not KQL (100,000 '-' signs) would otherwise give one error per character and print gigabytes. Fix the first " +
        "errors: the rest usually follow from them.");

    /// <summary>The most syntax (and, separately, semantic) errors a query reports; the rest are counted in one SC0215.</summary>
    public const int MaxReported = 100;

    /// <summary>
    /// The first <see cref="MaxReported"/> of <paramref name="ordered"/> (diagnostics ordered by position) and, when there are
    /// more, one SC0215 at the first one left out that counts them.
    /// </summary>
    public static IReadOnlyList<KqlDiagnostic> Capped(IReadOnlyList<KqlDiagnostic> ordered)
    {
        if (ordered.Count <= MaxReported) return ordered;
        var kept = new List<KqlDiagnostic>(MaxReported + 1);
        for (var i = 0; i < MaxReported; i++) kept.Add(ordered[i]);
        var at = new Core.Text.TextSpan(ordered[MaxReported].Span.Start, 0);
        kept.Add(KqlDiagnostic.Create(TooManyErrors, at, ordered.Count - MaxReported));
        return kept;
    }

    /// <summary>Every syntax descriptor, for documentation and for tests that check codes are unique.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        BadCheckInput, UnexpectedCharacter, UnterminatedLiteral, ExpectedToken, MissingExpression, QueryOperatorExpected,
        UnexpectedText, NestingTooDeep, QueryTooLong, MissingName, MissingValue, MissingClause, RawGuidNotAllowed,
        UnknownTypeName, NameNeedsBrackets, TooManyErrors,
    ];
}
