using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// The scalar operator rules of KQL: arithmetic results by operand types and numeric promotion
/// (int &lt; long &lt; real &lt; decimal), as the official binder applies them.
/// </summary>
internal static class TypeRules
{
    public static int NumericRank(ScalarType type) => type switch
    {
        ScalarType.Int => 1,
        ScalarType.Long => 2,
        ScalarType.Real => 3,
        ScalarType.Decimal => 4,
        _ => 0,
    };

    /// <summary>The wider of two numeric types (no int→long widening).</summary>
    public static ScalarType WiderNumeric(ScalarType a, ScalarType b) => NumericRank(a) >= NumericRank(b) ? a : b;

    /// <summary>The result type of a binary arithmetic operator, or Unknown when the binder cannot tell.</summary>
    public static ScalarType Arithmetic(string op, ScalarType left, ScalarType right)
    {
        if (left == ScalarType.Unknown || right == ScalarType.Unknown) return ScalarType.Unknown;
        if (left == ScalarType.Dynamic || right == ScalarType.Dynamic) return ScalarType.Dynamic;
        // int op int is long for the official binder (only unary minus keeps int).
        if (left.IsNumeric() && right.IsNumeric()) return WiderNumeric(left, right) is var wider && wider == ScalarType.Int ? ScalarType.Long : wider;

        return (op, left, right) switch
        {
            ("-", ScalarType.DateTime, ScalarType.DateTime) => ScalarType.TimeSpan,
            ("+" or "-", ScalarType.DateTime, ScalarType.TimeSpan) => ScalarType.DateTime,
            ("+", ScalarType.TimeSpan, ScalarType.DateTime) => ScalarType.DateTime,
            ("+" or "-" or "%", ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.TimeSpan,
            ("/", ScalarType.TimeSpan, ScalarType.TimeSpan) => ScalarType.Real,
            ("*" or "/" or "%", ScalarType.TimeSpan, _) when right.IsNumeric() => ScalarType.TimeSpan,
            ("*", _, ScalarType.TimeSpan) when left.IsNumeric() => ScalarType.TimeSpan,
            _ => ScalarType.Unknown,
        };
    }
}
