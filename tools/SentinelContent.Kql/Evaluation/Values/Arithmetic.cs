namespace SentinelContent.Kql.Evaluation.Values;

/// <summary>
/// KQL's arithmetic on single values: numbers widen to the wider operand (integer division truncates), datetime
/// and timespan combine as the reference documents (datetime - datetime is a timespan, timespan / timespan a real).
/// Any null operand, or a combination KQL does not define, gives null.
/// </summary>
public static class Arithmetic
{
    public static object? Negate(object? value) => KqlValue.Unwrap(value) switch
    {
        int i => -i,
        long l => -l,
        double d => -d,
        decimal m => -m,
        TimeSpan t => -t,
        _ => null,
    };

    public static object? Apply(char op, object? left, object? right)
    {
        var a = KqlValue.Unwrap(left);
        var b = KqlValue.Unwrap(right);
        if (a is null || b is null) return null;
        switch (a, b)
        {
            case (DateTime x, TimeSpan y):
                return op switch { '+' => x + y, '-' => x - y, _ => null };
            case (TimeSpan x, DateTime y):
                return op == '+' ? y + x : null;
            case (DateTime x, DateTime y):
                return op == '-' ? x - y : null;
            case (TimeSpan x, TimeSpan y):
                return op switch { '+' => x + y, '-' => x - y, '/' => y.Ticks == 0 ? null : (double)x.Ticks / y.Ticks, '%' => y.Ticks == 0 ? null : new TimeSpan(x.Ticks % y.Ticks), _ => null };
            case (TimeSpan x, _) when IsNumber(b):
                var factor = KqlValue.ToReal(b)!.Value;
                return op switch { '*' => new TimeSpan((long)(x.Ticks * factor)), '/' => factor == 0 ? null : new TimeSpan((long)(x.Ticks / factor)), _ => null };
            case (_, TimeSpan y) when IsNumber(a):
                return op == '*' ? new TimeSpan((long)(y.Ticks * KqlValue.ToReal(a)!.Value)) : null;
        }

        if (!IsNumber(a) || !IsNumber(b)) return null;
        if (a is double || b is double) return Real(op, KqlValue.ToReal(a)!.Value, KqlValue.ToReal(b)!.Value);
        if (a is decimal || b is decimal) return Decimal(op, KqlValue.ToDecimal(a)!.Value, KqlValue.ToDecimal(b)!.Value);
        var result = Long(op, KqlValue.ToLong(a)!.Value, KqlValue.ToLong(b)!.Value);
        return a is int && b is int && result is long l ? unchecked((int)l) : result;
    }

    private static bool IsNumber(object value) => value is int or long or double or decimal;

    private static object? Real(char op, double x, double y) => op switch
    {
        '+' => x + y,
        '-' => x - y,
        '*' => x * y,
        '/' => x / y,
        '%' => x % y,
        _ => null,
    };

    private static object? Decimal(char op, decimal x, decimal y) => op switch
    {
        '+' => x + y,
        '-' => x - y,
        '*' => x * y,
        '/' => y == 0 ? null : x / y,
        '%' => y == 0 ? null : x % y,
        _ => null,
    };

    private static object? Long(char op, long x, long y) => op switch
    {
        '+' => unchecked(x + y),
        '-' => unchecked(x - y),
        '*' => unchecked(x * y),
        '/' => y == 0 ? null : x / y,
        '%' => y == 0 ? null : x % y,
        _ => null,
    };
}
