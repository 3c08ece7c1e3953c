using System.Text.Json;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>A resolved call of a built-in function: the signature chosen and each argument with its parameter and type.</summary>
internal sealed record BoundCall(FunctionInfo Function, SignatureInfo Signature, IReadOnlyList<SyntaxNode> Arguments, int[] ParameterOf, IReadOnlyList<ExprType> ArgumentTypes)
{
    public IEnumerable<int> ArgumentsOf(string parameterName)
    {
        for (var i = 0; i < Arguments.Count; i++)
            if (Signature.Parameters[ParameterOf[i]].Name == parameterName) yield return i;
    }

    public ExprType? FirstTypeOf(string parameterName) => ArgumentsOf(parameterName).Select(i => (ExprType?)ArgumentTypes[i]).FirstOrDefault();

    /// <summary>The catalog's return rule applied to the argument types (see returnRules in the catalog).</summary>
    public ExprType ReturnType()
    {
        var rule = Signature.Returns;
        if (rule.ValueKind == JsonValueKind.String)
        {
            var name = rule.GetString();
            return name == "tabular" ? ExprType.Of(TableSymbol.Unknown) : FunctionCatalog.ParseType(name);
        }

        if (rule.ValueKind != JsonValueKind.Object) return ExprType.Unknown;
        if (rule.TryGetProperty("sameAs", out var sameAs)) return SameAs(sameAs.GetString()!, rule);
        if (rule.TryGetProperty("promoted", out var promoted)) return Promoted(promoted.EnumerateArray().Select(p => p.GetString()!));
        if (rule.TryGetProperty("common", out var common))
            return Common(common.EnumerateArray().Select(p => p.GetString()!), rule.TryGetProperty("nonDynamic", out var nd) && nd.GetBoolean());
        if (rule.TryGetProperty("typeOfLiteral", out var typeOf))
            return ArgumentsOf(typeOf.GetString()!).Select(i => SyntaxHelpers.TypeOf(SyntaxHelpers.Child(Arguments[i], SyntaxKind.PrimitiveTypeExpression))).FirstOrDefault();
        if (rule.TryGetProperty("firstColumnOf", out var firstColumnOf))
            return FirstTypeOf(firstColumnOf.GetString()!) is { Table: { } table } && table.Columns.Count > 0 ? table.Columns[0].Type : ExprType.Unknown;
        if (rule.TryGetProperty("tuple", out var tuple))
            return tuple.EnumerateArray().Select(f => FunctionCatalog.ParseType(f.GetProperty("type").GetString())).FirstOrDefault();
        if (rule.TryGetProperty("perArgument", out _) && rule.TryGetProperty("type", out var perArgumentType))
            return ElementType(perArgumentType);
        if (rule.TryGetProperty("expandsTo", out _))
            return ArgumentTypes.Count > 0 ? ArgumentTypes[0] : ExprType.Unknown;
        return ExprType.Unknown; // entity references (table('x'), database('y')) are resolved by the binder
    }

    /// <summary>The type of one column of a perArgument result: a type name or a sameAs rule.</summary>
    public ScalarType ElementType(JsonElement type) => type.ValueKind == JsonValueKind.String
        ? FunctionCatalog.ParseType(type.GetString())
        : type.TryGetProperty("sameAs", out var sameAs) ? SameAs(sameAs.GetString()!, type).Scalar : ScalarType.Unknown;

    private ExprType SameAs(string parameter, JsonElement rule)
    {
        var type = FirstTypeOf(parameter) ?? ExprType.Unknown;
        if (type.IsTabular) return type;
        if (type.Scalar == ScalarType.Int && rule.TryGetProperty("intAs", out var intAs)) return FunctionCatalog.ParseType(intAs.GetString());
        if (type.Scalar == ScalarType.Decimal && rule.TryGetProperty("decimalAs", out var decimalAs)) return FunctionCatalog.ParseType(decimalAs.GetString());
        return type;
    }

    private ExprType Promoted(IEnumerable<string> parameters)
    {
        var result = ScalarType.Unknown;
        foreach (var parameter in parameters)
        {
            foreach (var index in ArgumentsOf(parameter))
            {
                var type = ArgumentTypes[index].Scalar;
                if (type == ScalarType.Unknown) return ExprType.Unknown;
                if (!type.IsNumeric()) return type; // sum(timespan) is timespan, sum(datetime) datetime
                var widened = type == ScalarType.Int ? ScalarType.Long : type;
                result = result == ScalarType.Unknown ? widened : TypeRules.WiderNumeric(result, widened);
            }
        }

        return result;
    }

    private ExprType Common(IEnumerable<string> parameters, bool nonDynamic)
    {
        var types = parameters.SelectMany(ArgumentsOf).Select(i => ArgumentTypes[i].Scalar).ToList();
        if (types.Count == 0 || types.Contains(ScalarType.Unknown)) return ExprType.Unknown;
        if (nonDynamic && types.Any(t => t != ScalarType.Dynamic)) types.RemoveAll(t => t == ScalarType.Dynamic);
        var result = types[0];
        foreach (var type in types.Skip(1))
        {
            if (type == result) continue;
            if (type.IsNumeric() && result.IsNumeric()) result = TypeRules.WiderNumeric(result, type);
            else return nonDynamic ? ScalarType.Dynamic : types[0];
        }

        return result;
    }
}
