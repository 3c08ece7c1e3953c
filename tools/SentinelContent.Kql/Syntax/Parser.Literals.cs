using SentinelContent.Core.Text;

namespace SentinelContent.Kql.Syntax;

// Literals, dynamic(...) JSON values, typeof(...), types and schemas.
internal sealed partial class Parser
{
    private SyntaxNode? ParseStringOrCompoundStringLiteral()
    {
        if (PeekKind() != SyntaxKind.StringLiteralToken) return null;
        if (PeekKind(1) != SyntaxKind.StringLiteralToken) return Node(SyntaxKind.StringLiteralExpression, TakeToken());

        // Adjacent string literals concatenate: "abc" 'def'.
        var parts = new List<SyntaxElement>();
        while (PeekKind() == SyntaxKind.StringLiteralToken) parts.Add(TakeToken());
        return NodeOf(SyntaxKind.CompoundStringLiteralExpression, parts.ToArray());
    }

    private SyntaxNode? ParseLiteral()
    {
        switch (PeekKind())
        {
            case SyntaxKind.StringLiteralToken:
                return ParseStringOrCompoundStringLiteral();
            case SyntaxKind.BooleanLiteralToken:
                return Node(SyntaxKind.BooleanLiteralExpression, TakeToken());
            case SyntaxKind.LongLiteralToken:
                return Node(SyntaxKind.LongLiteralExpression, TakeToken());
            case SyntaxKind.RealLiteralToken:
                return Node(SyntaxKind.RealLiteralExpression, TakeToken());
            case SyntaxKind.DecimalLiteralToken:
                return Node(SyntaxKind.DecimalLiteralExpression, TakeToken());
            case SyntaxKind.IntLiteralToken:
                return Node(SyntaxKind.IntLiteralExpression, TakeToken());
            case SyntaxKind.GuidLiteralToken:
                return Node(SyntaxKind.GuidLiteralExpression, TakeToken());
            case SyntaxKind.RawGuidLiteralToken:
                var raw = TakeToken();
                Report(KqlSyntaxDiagnostics.RawGuidNotAllowed, raw.Span);
                return Node(SyntaxKind.GuidLiteralExpression, raw);
            case SyntaxKind.DateTimeLiteralToken:
                return Node(SyntaxKind.DateTimeLiteralExpression, TakeToken());
            case SyntaxKind.TimespanLiteralToken:
                return Node(SyntaxKind.TimespanLiteralExpression, TakeToken());
            case SyntaxKind.DynamicKeyword:
                return ParseDynamicLiteral();
            case SyntaxKind.PlusToken or SyntaxKind.MinusToken:
                return ParseSignedNumericLiteral();
            case SyntaxKind.TypeOfKeyword:
                return ParseTypeOfLiteral();
            case SyntaxKind.OpenBraceToken:
                return ParseClientParameterReference();
            default:
                return null;
        }
    }

    private SyntaxNode? ParseClientParameterReference() =>
        ParseClientParameterName() is { } name ? Node(SyntaxKind.NameReference, name) : null;

    /// <summary>A sign directly followed (no trivia) by a number is one signed literal: -1, +2.5, -1d.</summary>
    private bool IsSignedNumericLiteral(int offset = 0) =>
        PeekKind(offset) is SyntaxKind.PlusToken or SyntaxKind.MinusToken
        && PeekKind(offset + 1) is SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken or SyntaxKind.TimespanLiteralToken
        && IsAdjacentToPrevious(offset + 1)
        && char.IsDigit(PeekText(offset + 1)[0]);

    private SyntaxNode? ParseSignedNumericLiteral()
    {
        if (!IsSignedNumericLiteral()) return null;
        var sign = TakeToken();
        var number = TakeToken();
        var kind = number.Kind switch
        {
            SyntaxKind.LongLiteralToken => SyntaxKind.LongLiteralExpression,
            SyntaxKind.RealLiteralToken => SyntaxKind.RealLiteralExpression,
            _ => SyntaxKind.TimespanLiteralExpression,
        };
        return Node(kind, sign, number);
    }

    private SyntaxNode? ParseDynamicLiteral()
    {
        if (PeekKind() != SyntaxKind.DynamicKeyword || PeekKind(1) != SyntaxKind.OpenParenToken) return null;
        var keyword = TakeToken();
        var open = TakeToken();
        var value = ParseJsonValue() ?? MissingValue("JSON value");
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.DynamicExpression, keyword, open, value, close);
    }

    private SyntaxNode? ParseJsonValue() => PeekKind() switch
    {
        SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken or SyntaxKind.MinusToken => ParseJsonNumber(),
        SyntaxKind.BooleanLiteralToken or SyntaxKind.DateTimeLiteralToken or SyntaxKind.TimespanLiteralToken or
        SyntaxKind.GuidLiteralToken or SyntaxKind.RawGuidLiteralToken or SyntaxKind.DecimalLiteralToken or
        SyntaxKind.StringLiteralToken or SyntaxKind.DynamicKeyword => ParseLiteral(),
        SyntaxKind.NullKeyword => Node(SyntaxKind.NullLiteralExpression, TakeToken()),
        SyntaxKind.OpenBracketToken => Deeper(ParseJsonArray),
        SyntaxKind.OpenBraceToken => IsClientParameterName() ? ParseClientParameterReference() : Deeper(ParseJsonObject),
        _ => null,
    };

    private SyntaxNode? ParseJsonNumber()
    {
        switch (PeekKind())
        {
            case SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken:
                return ParseLiteral();
            case SyntaxKind.MinusToken when PeekKind(1) is SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken:
                var minus = TakeToken();
                return Node(SyntaxKind.UnaryMinusExpression, minus, ParseLiteral());
            default:
                return null;
        }
    }

    private SyntaxNode? ParseJsonArray()
    {
        var open = TakeToken();
        var items = CommaList(ParseJsonValue, () => MissingValue("JSON value"), _isCommonListEnd);
        var close = TakeRequired(SyntaxKind.CloseBracketToken);
        return Node(SyntaxKind.JsonArrayExpression, open, items, close);
    }

    private SyntaxNode? ParseJsonObject()
    {
        var open = TakeToken();
        var pairs = CommaList(ParseJsonPair, () => MissingValue("JSON property"), _isCommonListEnd);
        var close = TakeRequired(SyntaxKind.CloseBraceToken);
        return Node(SyntaxKind.JsonObjectExpression, open, pairs, close);
    }

    private SyntaxNode? ParseJsonPair()
    {
        switch (PeekKind())
        {
            case SyntaxKind.StringLiteralToken:
                var name = TakeToken();
                var colon = TakeRequired(SyntaxKind.ColonToken);
                return Node(SyntaxKind.JsonPair, name, colon, ParseJsonValue() ?? MissingValue("JSON value"));
            case SyntaxKind.ColonToken:
                ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "property name");
                var missingName = SilentMissingToken(SyntaxKind.StringLiteralToken);
                return Node(SyntaxKind.JsonPair, missingName, TakeToken(), ParseJsonValue() ?? MissingValue("JSON value"));
            default:
                var start = Peek();
                var value = ParseJsonValue();
                if (value is null) return null;
                Report(KqlSyntaxDiagnostics.MissingValue, new TextSpan(start.Start, 0), "property name");
                return Node(SyntaxKind.JsonPair, SilentMissingToken(SyntaxKind.StringLiteralToken), value);
        }
    }

    private bool IsTypeOfLiteral() => PeekKind() == SyntaxKind.TypeOfKeyword && PeekKind(1) == SyntaxKind.OpenParenToken;

    /// <summary>typeof(string) or typeof(name: type, ...).</summary>
    private SyntaxNode? ParseTypeOfLiteral()
    {
        if (!IsTypeOfLiteral()) return null;
        var keyword = TakeToken();
        var open = TakeToken();
        if ((IsParamTypeExtended() || PeekKind() == SyntaxKind.IdentifierToken) && PeekKind(1) == SyntaxKind.CloseParenToken)
        {
            var type = Node(SyntaxKind.PrimitiveTypeExpression, TakeToken());
            return Node(SyntaxKind.TypeOfLiteralExpression, keyword, open, type, TakeToken());
        }

        var list = CommaList(ParseTypeOfElement, MissingType, _isCommonListEnd);
        var close = TakeRequired(SyntaxKind.CloseParenToken);
        return Node(SyntaxKind.TypeOfLiteralExpression, keyword, open, list, close);
    }

    private SyntaxElement? ParseTypeOfElement() =>
        (PeekKind() == SyntaxKind.AsteriskToken ? Node(SyntaxKind.StarExpression, TakeToken()) : null) ?? ParseNameAndTypeDeclaration();

    private SyntaxNode MissingType()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "type");
        return Node(SyntaxKind.PrimitiveTypeExpression, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    private bool IsParamType(int offset = 0) => PeekKind(offset) switch
    {
        SyntaxKind.BoolKeyword or SyntaxKind.BooleanKeyword or SyntaxKind.DateKeyword or SyntaxKind.DateTimeKeyword or
        SyntaxKind.DecimalKeyword or SyntaxKind.DoubleKeyword or SyntaxKind.DynamicKeyword or SyntaxKind.GuidKeyword or
        SyntaxKind.IntKeyword or SyntaxKind.Int64Keyword or SyntaxKind.Int8Keyword or SyntaxKind.LongKeyword or
        SyntaxKind.RealKeyword or SyntaxKind.StringKeyword or SyntaxKind.TimeKeyword or SyntaxKind.TimespanKeyword or
        SyntaxKind.UniqueIdKeyword => true,
        _ => false,
    };

    private bool IsParamTypeExtended(int offset = 0) => IsParamType(offset) || PeekKind(offset) switch
    {
        SyntaxKind.FloatKeyword or SyntaxKind.Int16Keyword or SyntaxKind.Int32Keyword or
        SyntaxKind.UIntKeyword or SyntaxKind.UInt16Keyword or SyntaxKind.UInt32Keyword or SyntaxKind.UInt64Keyword or
        SyntaxKind.UInt8Keyword or SyntaxKind.ULongKeyword or SyntaxKind.ByteKeyword or SyntaxKind.CharKeyword => true,
        _ => false,
    };

    private SyntaxNode? ParseParamType() => IsParamType() ? Node(SyntaxKind.PrimitiveTypeExpression, TakeToken()) : null;

    private SyntaxNode? ParseParamTypeExtended() => IsParamTypeExtended() ? Node(SyntaxKind.PrimitiveTypeExpression, TakeToken()) : null;

    private SyntaxNode? ParseIdentifierType() =>
        IsIdentifierOrKeywordAsIdentifier() ? Node(SyntaxKind.PrimitiveTypeExpression, TakeToken()) : null;

    /// <summary>
    /// A type in a schema or parameter list: one of the scalar type keywords. Any other word is kept
    /// as the type but reported, as the official parser does (int32 or foo are not column types).
    /// </summary>
    private SyntaxNode? ParseSchemaScalarType()
    {
        if (ParseParamType() is { } type) return type;
        var kind = PeekKind();
        if (kind != SyntaxKind.IdentifierToken && !KeywordTable.IsKeyword(kind)) return null;
        var token = TakeToken();
        Report(KqlSyntaxDiagnostics.UnknownTypeName, token.Span, token.Text);
        return Node(SyntaxKind.PrimitiveTypeExpression, token);
    }

    /// <summary>name: type, where type may be a schema (name: type, ...) in function parameters.</summary>
    private SyntaxNode? ParseNameAndTypeDeclaration()
    {
        var name = ParseExtendedNameDeclaration();
        if (name is not null)
        {
            var colon = TakeRequired(SyntaxKind.ColonToken);
            var type = PeekKind() == SyntaxKind.OpenParenToken
                ? ParseSchemaType()
                : ParseSchemaScalarType() ?? MissingType();
            return Node(SyntaxKind.NameAndTypeDeclaration, name, colon, type);
        }

        if (PeekKind() == SyntaxKind.ColonToken)
        {
            var missing = MissingName();
            var colon = TakeToken();
            return Node(SyntaxKind.NameAndTypeDeclaration, missing, colon, ParseSchemaScalarType() ?? MissingType());
        }

        return null;
    }

    /// <summary>(*) or (name: type, ...), for tabular function parameters.</summary>
    private SyntaxNode? ParseSchemaType()
    {
        if (PeekKind() != SyntaxKind.OpenParenToken) return null;
        var open = TakeToken();
        if (PeekKind() == SyntaxKind.AsteriskToken)
        {
            var star = Node(SyntaxKind.StarExpression, TakeToken());
            return Node(SyntaxKind.SchemaTypeExpression, open, star, TakeRequired(SyntaxKind.CloseParenToken));
        }

        var list = CommaList(ParseNameAndTypeDeclaration, MissingNameAndType, _isCommonListEnd, allowTrailingComma: true);
        return Node(SyntaxKind.SchemaTypeExpression, open, list, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxNode MissingNameAndType()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "parameter");
        return Node(SyntaxKind.NameAndTypeDeclaration, SilentMissingToken(SyntaxKind.IdentifierToken));
    }

    /// <summary>The row schema of datatable/externaldata/parse-kv: (name: type, ...), a leading comma allowed.</summary>
    private SyntaxNode? ParseRowSchema()
    {
        if (PeekKind() != SyntaxKind.OpenParenToken) return null;
        var open = TakeToken();
        var leadingComma = TryTake(SyntaxKind.CommaToken);
        var list = CommaList(ParseNameAndTypeDeclaration, MissingNameAndType, _isCommonListEnd, allowTrailingComma: true);
        return Node(SyntaxKind.RowSchema, open, leadingComma, list, TakeRequired(SyntaxKind.CloseParenToken));
    }

    private SyntaxNode MissingRowSchema()
    {
        ReportAtMissingPosition(KqlSyntaxDiagnostics.MissingValue, "schema declaration");
        return Node(SyntaxKind.RowSchema, SilentMissingToken(SyntaxKind.OpenParenToken), SilentMissingToken(SyntaxKind.CloseParenToken));
    }
}
