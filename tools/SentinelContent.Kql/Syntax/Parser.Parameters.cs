namespace SentinelContent.Kql.Syntax;

// Query operator parameters: kind=inner, hint.strategy=shuffle, withsource=T, isfuzzy=true, ...
internal sealed partial class Parser
{
    private enum AllowedNames
    {
        DeclaredOrKnown,
        DeclaredOnly,
    }

    private Dictionary<string, OperatorParameter>? _declaredParameters;
    private AllowedNames _allowedNames;
    private bool _equalsNeeded;

    // Name maps of each operator's parameter array, built on first use; reads take no lock.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OperatorParameter[], Dictionary<string, OperatorParameter>> s_parameterMaps =
        new(ReferenceEqualityComparer.Instance);

    private static Dictionary<string, OperatorParameter> MapOf(OperatorParameter[] parameters) =>
        s_parameterMaps.GetOrAdd(parameters, OperatorParameters.ToMap);

    /// <summary>
    /// Parameters before an operator's operands. With <paramref name="equalsNeeded"/>, a known
    /// parameter name counts only when '=' follows, so a column named 'kind' still parses as a column.
    /// </summary>
    private SyntaxNode ParseParameterList(OperatorParameter[] declared, bool equalsNeeded = false)
    {
        var (oldDeclared, oldAllowed, oldEquals) = (_declaredParameters, _allowedNames, _equalsNeeded);
        (_declaredParameters, _allowedNames, _equalsNeeded) = (MapOf(declared), AllowedNames.DeclaredOrKnown, equalsNeeded);
        var list = PlainList(_parseParameter);
        (_declaredParameters, _allowedNames, _equalsNeeded) = (oldDeclared, oldAllowed, oldEquals);
        return list;
    }

    /// <summary>A comma list of the declared parameters only, as inside render with (...) and parse-kv with (...).</summary>
    private SyntaxNode ParseDeclaredParameterCommaList(OperatorParameter[] declared)
    {
        var (oldDeclared, oldAllowed, oldEquals) = (_declaredParameters, _allowedNames, _equalsNeeded);
        (_declaredParameters, _allowedNames, _equalsNeeded) = (MapOf(declared), AllowedNames.DeclaredOnly, false);
        var list = CommaList(ParseParameter, () => MissingValue("parameter"), _isCommonListEnd);
        (_declaredParameters, _allowedNames, _equalsNeeded) = (oldDeclared, oldAllowed, oldEquals);
        return list;
    }

    /// <summary>A comma list of parameters, declared or known (reduce ... with threshold=..., characters=...).</summary>
    private SyntaxNode ParseParameterCommaList(OperatorParameter[] declared)
    {
        var (oldDeclared, oldAllowed, oldEquals) = (_declaredParameters, _allowedNames, _equalsNeeded);
        (_declaredParameters, _allowedNames, _equalsNeeded) = (MapOf(declared), AllowedNames.DeclaredOrKnown, false);
        var list = CommaList(ParseParameter, () => MissingValue("parameter"), _isCommonListEnd);
        (_declaredParameters, _allowedNames, _equalsNeeded) = (oldDeclared, oldAllowed, oldEquals);
        return list;
    }

    private SyntaxNode? ParseParameter()
    {
        var nameLength = ScanParameterName(_allowedNames, _equalsNeeded);
        if (nameLength <= 0) return null;

        var name = TakeParameterName(nameLength, out var nameText);
        var equal = TakeRequired(SyntaxKind.EqualToken);
        var parameter = (_declaredParameters?.GetValueOrDefault(nameText)) ?? OperatorParameters.Default(nameText);
        var value = parameter is not null
            ? ParseParameterValue(parameter)
            : ParseAnyParameterValue() ?? MissingValue("value");
        return Node(SyntaxKind.NamedParameter, Node(SyntaxKind.NameDeclaration, name), equal, value);
    }

    private SyntaxNode TakeParameterName(int length, out string text)
    {
        if (length == 1)
        {
            var token = TakeToken();
            text = token.Text;
            return Node(SyntaxKind.TokenName, token);
        }

        var parts = new SyntaxElement[length];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var token = TakeToken();
            builder.Append(token.Text);
            parts[i] = token;
        }

        text = builder.ToString();
        return NodeOf(SyntaxKind.MultiTokenName, parts);
    }

    /// <summary>A specific parameter (kind= of getschema/toscalar, the deprecated render properties).</summary>
    private SyntaxNode? ParseNamedParameter(OperatorParameter parameter, Func<bool>? nameListEnd = null)
    {
        var length = ScanText(parameter.Name);
        if (length <= 0) return null;
        if (parameter.HasNoEquals)
        {
            var name = ParseText(parameter.Name);
            return Node(SyntaxKind.NamedParameter, Node(SyntaxKind.NameDeclaration, name), ParseParameterValue(parameter, nameListEnd));
        }

        if (PeekKind(length) != SyntaxKind.EqualToken) return null;
        var declared = ParseText(parameter.Name);
        var equal = TakeToken();
        return Node(SyntaxKind.NamedParameter, Node(SyntaxKind.NameDeclaration, declared), equal, ParseParameterValue(parameter, nameListEnd));
    }

    private int ScanParameterName(AllowedNames allowed, bool equalsNeeded, int offset = 0)
    {
        var token = Peek(offset);
        var isWord = token.Kind == SyntaxKind.IdentifierToken || KeywordTable.IsKeyword(token.Kind);
        if (isWord && _declaredParameters is not null)
        {
            var text = _text.AsSpan(token.Start, token.Length);
            if (_declaredParameters.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var declared))
            {
                if (declared.HasNoEquals || !equalsNeeded || PeekKind(offset + 1) == SyntaxKind.EqualToken) return 1;
                if (allowed == AllowedNames.DeclaredOnly) return -1;
            }
        }

        if (allowed == AllowedNames.DeclaredOnly) return -1;
        return ScanKnownParameterName(equalsNeeded, offset);
    }

    private int ScanKnownParameterName(bool equalsNeeded, int offset = 0)
    {
        var token = Peek(offset);
        var length = -1;
        if ((token.Kind == SyntaxKind.IdentifierToken || KeywordTable.IsKeyword(token.Kind))
            && IsKnownParameterName(_text.AsSpan(token.Start, token.Length)))
        {
            length = 1;
        }
        else
        {
            foreach (var name in OperatorParameters.MultiTokenNames)
            {
                length = ScanText(name, offset);
                if (length > 0) break;
            }
        }

        if (length > 0 && equalsNeeded && PeekKind(offset + length) != SyntaxKind.EqualToken) return -1;
        return length;
    }

    private bool IsKnownParameterName(ReadOnlySpan<char> name) =>
        OperatorParameters.KnownNames.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name)
        || (_declaredParameters?.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(name) ?? false);

    private SyntaxNode ParseParameterValue(OperatorParameter parameter, Func<bool>? nameListEnd = null)
    {
        switch (parameter.ValueKind)
        {
            case ParameterValueKind.StringLiteral:
                return ParseAnyParameterValue() ?? MissingValue("string literal");
            case ParameterValueKind.BoolLiteral:
                return ParseAnyParameterValue() ?? MissingValue("boolean literal");
            case ParameterValueKind.IntegerLiteral or ParameterValueKind.NumericLiteral or ParameterValueKind.SummableLiteral:
                return ParseAnyParameterValue() ?? MissingValue("number");
            case ParameterValueKind.ForcedRealLiteral:
                return ParseForcedRealLiteral() ?? ParseAnyParameterValue() ?? MissingValue("number");
            case ParameterValueKind.String:
                return ParseFunctionCallOrPath() ?? MissingValue("value");
            case ParameterValueKind.Word or ParameterValueKind.WordOrNumber:
                if (parameter.AllowedValues.Count > 0)
                    return ParseWord(parameter.AllowedValues) ?? ParseAnyParameterValue() ?? MissingValue($"one of {string.Join(", ", parameter.AllowedValues)}");
                return ParseAnyParameterValue() ?? MissingValue("value");
            case ParameterValueKind.NameDeclaration:
                return ParseNameDeclaration() ?? ParseAnyParameterValue() ?? MissingName();
            case ParameterValueKind.Column:
                return ParseNameReference() ?? ParseAnyParameterValue() ?? MissingNameReference();
            case ParameterValueKind.ColumnList:
                return CommaList(ParseNameReferenceListName, MissingNameReference, nameListEnd ?? IsParameterNameListEnd, oneOrMore: true);
            default:
                return ParseAnyParameterValue() ?? MissingValue("value");
        }
    }

    private SyntaxNode? ParseAnyParameterValue() =>
        ParseLiteral()
        ?? (IsIdentifierOrKeywordAsIdentifier() ? Node(SyntaxKind.TokenLiteralExpression, TakeToken()) : null)
        ?? ParseNameReference();

    /// <summary>One of the given words (adjacent tokens allowed) as a token literal.</summary>
    private SyntaxNode? ParseWord(IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            if (ScanText(word) > 0) return Node(SyntaxKind.TokenLiteralExpression, ParseText(word));
        }

        return null;
    }

    private SyntaxNode? ParseForcedRealLiteral()
    {
        switch (PeekKind())
        {
            case SyntaxKind.LongLiteralToken or SyntaxKind.RealLiteralToken when char.IsDigit(PeekText()[0]):
                return Node(SyntaxKind.RealLiteralExpression, TakeToken());
            case SyntaxKind.PlusToken or SyntaxKind.MinusToken when IsSignedNumericLiteral() && PeekKind(1) != SyntaxKind.TimespanLiteralToken:
                return Node(SyntaxKind.RealLiteralExpression, TakeToken(), TakeToken());
            case SyntaxKind.OpenBraceToken:
                return ParseClientParameterReference();
            default:
                return null;
        }
    }

    private bool IsParameterNameListEnd()
    {
        if (PeekKind() == SyntaxKind.CommaToken) return ScanKnownParameterName(equalsNeeded: false, offset: 1) > 0 || IsCommonListEnd(1);
        return ScanKnownParameterName(equalsNeeded: false) > 0 || IsCommonListEnd();
    }

    private SyntaxElement? ParseNameReferenceListName()
    {
        // A declared parameter name ends the list rather than being read as a column.
        var token = Peek();
        if ((token.Kind == SyntaxKind.IdentifierToken || KeywordTable.IsKeyword(token.Kind))
            && _declaredParameters is not null && _declaredParameters.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(_text.AsSpan(token.Start, token.Length)))
            return null;
        return ParseExtendedNameReference();
    }
}
