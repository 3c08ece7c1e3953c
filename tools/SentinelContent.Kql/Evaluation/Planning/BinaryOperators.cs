using System.Collections;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Operators;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

/// <summary>
/// Binary operators: arithmetic, comparisons, and/or, and the string predicates (has, contains, startswith,
/// =~, matches regex, with their _cs and ! forms). A string column against a constant runs a typed loop.
/// </summary>
internal static class BinaryOperators
{
    private delegate bool StringPredicate(string haystack, string needle);

    private static readonly Dictionary<string, StringPredicate> StringPredicates = new(StringComparer.Ordinal)
    {
        ["has"] = (h, n) => StringMatching.Has(h, n),
        ["has_cs"] = (h, n) => StringMatching.Has(h, n, caseSensitive: true),
        ["hasprefix"] = (h, n) => StringMatching.HasPrefix(h, n),
        ["hasprefix_cs"] = (h, n) => StringMatching.HasPrefix(h, n, caseSensitive: true),
        ["hassuffix"] = (h, n) => StringMatching.HasSuffix(h, n),
        ["hassuffix_cs"] = (h, n) => StringMatching.HasSuffix(h, n, caseSensitive: true),
        ["contains"] = (h, n) => StringMatching.Contains(h, n),
        ["contains_cs"] = (h, n) => StringMatching.Contains(h, n, caseSensitive: true),
        ["startswith"] = (h, n) => StringMatching.StartsWith(h, n),
        ["startswith_cs"] = (h, n) => StringMatching.StartsWith(h, n, caseSensitive: true),
        ["endswith"] = (h, n) => StringMatching.EndsWith(h, n),
        ["endswith_cs"] = (h, n) => StringMatching.EndsWith(h, n, caseSensitive: true),
        ["=~"] = StringMatching.EqualsIgnoreCase,
    };

    /// <summary>matches regex: the predicate of a run, with the run's regex timeout.</summary>
    private static StringPredicate MatchesRegex(Runtime.QueryContext context) =>
        (h, n) => RegexCache.Get(n, context.Limits.RegexTimeout).IsMatch(h);

    public static ScalarPlan Plan(SyntaxNode node, string op, ScalarPlan left, ScalarPlan right, ScalarType type)
    {
        switch (op)
        {
            case "+" or "-" or "*" or "/" or "%":
                var c = op[0];
                if (left.IsConstant && right.IsConstant) return ScalarPlan.Constant(type, Arithmetic.Apply(c, left.Value, right.Value));
                return ScalarPlan.Of(type, (input, context) =>
                {
                    var a = left.Eval(input, context);
                    if (right.IsConstant && TypedKernels.Shift(a, right.Value, c) is { } shifted) return shifted;
                    return RowWise.Map2(a, right.Eval(input, context), type, (x, y) => Arithmetic.Apply(c, x, y));
                });
            case "and" or "or":
                return Logical(op == "and", left, right);
            case "==" or "!=" or "<>" or "<" or "<=" or ">" or ">=":
                return Comparison(op, left, right);
        }

        var negated = false;
        var name = op;
        if (name.StartsWith('!')) { negated = true; name = name[1..]; }
        else if (name.StartsWith("not", StringComparison.Ordinal) && StringPredicates.ContainsKey(name[3..])) { negated = true; name = name[3..]; }
        if (name == "~") { negated = true; name = "=~"; }
        if (name == "matches regex") return StringTest(node, MatchesRegex, negated, left, right);
        if (!StringPredicates.TryGetValue(name, out var predicate)) throw QueryPlanner.Unsupported(node, $"the operator '{op}'");
        return StringTest(node, _ => predicate, negated, left, right);
    }

    private static ScalarPlan StringTest(
        SyntaxNode node, Func<Runtime.QueryContext, StringPredicate> predicateOf, bool negated, ScalarPlan left, ScalarPlan right)
    {
        return ScalarPlan.Of(ScalarType.Bool, (input, context) =>
        {
            var predicate = predicateOf(context);
            var haystacks = left.Eval(input, context);
            var count = haystacks.Count;
            var values = new bool[count];
            try
            {
                if (right.IsConstant)
                {
                    var needle = KqlValue.ToText(right.Value);
                    if (haystacks is StringColumn strings)
                        for (var i = 0; i < count; i++) values[i] = predicate(strings.Values[i], needle) != negated;
                    else
                        for (var i = 0; i < count; i++) values[i] = predicate(KqlValue.ToText(KqlValue.Get(haystacks, i)), needle) != negated;
                }
                else
                {
                    var needles = right.Eval(input, context);
                    for (var i = 0; i < count; i++)
                        values[i] = predicate(KqlValue.ToText(KqlValue.Get(haystacks, i)), KqlValue.ToText(KqlValue.Get(needles, i))) != negated;
                }
            }
            catch (ArgumentException e)
            {
                throw QueryPlanner.Invalid(node, $"invalid regular expression: {e.Message}");
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                throw Runtime.QueryContext.Failure(EvaluationDiagnostics.TimeLimit, node.Span, context.Limits.RegexTimeout);
            }

            return new ValueColumn<bool>(ScalarType.Bool, values, new BitArray(count));
        });
    }

    private static ScalarPlan Comparison(string op, ScalarPlan left, ScalarPlan right)
    {
        Func<int, bool> test = op switch
        {
            "==" => r => r == 0,
            "!=" or "<>" => r => r != 0,
            "<" => r => r < 0,
            "<=" => r => r <= 0,
            ">" => r => r > 0,
            _ => r => r >= 0,
        };
        var equality = op is "==" or "!=" or "<>";
        var wantEqual = op == "==";
        // The reference's null-values page: null == value is false and null != value is true; two nulls, or a null
        // in an ordering comparison, give null.
        bool? oneNull = equality ? !wantEqual : null;
        var stringConstant = equality && right.IsConstant ? right.Value as string : null;

        Column Evaluate(Column a, DataTable input, QueryContext context)
        {
            if (stringConstant is not null && a is StringColumn strings)
            {
                // The common filter (OperationName == "...") as a typed loop: strings are never null.
                var values = new bool[a.Count];
                foreach (var row in EqualRows(strings, stringConstant, wantEqual, context)) values[row] = true;
                return new ValueColumn<bool>(ScalarType.Bool, values, new BitArray(a.Count));
            }

            var b = right.Eval(input, context);
            if (TypedKernels.Compare(a, b, test, oneNull) is { } typed) return typed;
            return RowWise.Map2(a, b, ScalarType.Bool, (x, y) =>
            {
                var (nullX, nullY) = (KqlValue.Unwrap(x) is null, KqlValue.Unwrap(y) is null);
                if (nullX || nullY) return nullX != nullY ? oneNull : null;
                var result = equality ? (ValueComparer.Instance.Equals(x, y) ? 0 : 1) : ValueComparer.Instance.Compare(x, y);
                return test(result);
            });
        }

        ScalarEval eval = (input, context) => Evaluate(left.Eval(input, context), input, context);
        if (stringConstant is null || left.Type != ScalarType.String) return ScalarPlan.Of(ScalarType.Bool, eval);

        // In a where, the same test names the kept rows directly: no boolean column over a million rows.
        return ScalarPlan.Predicate(eval, (input, context) => left.Eval(input, context) switch
        {
            StringColumn strings => EqualRows(strings, stringConstant, wantEqual, context),
            var other => RowSelection.TrueRows(Evaluate(other, input, context)),
        });
    }

    /// <summary>The rows whose string equals (or, with <paramref name="wantEqual"/> false, differs from) the needle, in order.</summary>
    private static List<int> EqualRows(StringColumn strings, string needle, bool wantEqual, QueryContext context)
    {
        if (strings.TryGetCodes(out var codes, out var dictionary))
        {
            // A dictionary-encoded column: the needle is compared with each distinct value once, then codes are scanned.
            var match = Array.ConvertAll(dictionary, d => string.Equals(d, needle, StringComparison.Ordinal) == wantEqual);
            return SideBySide.Rows(codes.Length, context.Limits.MaxParallelism, (from, to, rows) =>
            {
                for (var i = from; i < to; i++)
                    if (match[codes[i]]) rows.Add(i);
            });
        }

        var texts = strings.Values;
        return SideBySide.Rows(texts.Length, context.Limits.MaxParallelism, (from, to, rows) =>
        {
            for (var i = from; i < to; i++)
                if (string.Equals(texts[i], needle, StringComparison.Ordinal) == wantEqual) rows.Add(i);
        });
    }

    /// <summary>Three-valued logic: false and null is false, true or null is true, otherwise null wins.</summary>
    private static ScalarPlan Logical(bool and, ScalarPlan left, ScalarPlan right) =>
        ScalarPlan.Of(ScalarType.Bool, (input, context) =>
        {
            var a = left.Eval(input, context);
            var b = right.Eval(input, context);
            var count = a.Count;
            var values = new bool[count];
            var nulls = new BitArray(count);
            for (var i = 0; i < count; i++)
            {
                var x = Truth(a, i);
                var y = Truth(b, i);
                bool? result = and
                    ? (x == false || y == false ? false : x is null || y is null ? null : true)
                    : (x == true || y == true ? true : x is null || y is null ? null : false);
                if (result is { } r) values[i] = r;
                else nulls[i] = true;
            }

            return new ValueColumn<bool>(ScalarType.Bool, values, nulls);
        });

    private static bool? Truth(Column column, int row) => column is ValueColumn<bool> b
        ? (b.Nulls[row] ? null : b.Values[row])
        : KqlValue.ToBool(KqlValue.Get(column, row));
}
