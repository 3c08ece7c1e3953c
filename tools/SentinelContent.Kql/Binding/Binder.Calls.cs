using SentinelContent.Kql.Syntax;
using SentinelContent.Kql.Catalog;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Binding;

// Calls: let-declared functions, workspace functions and the built-in catalog, in that order.
internal sealed partial class Binder
{
    private readonly Dictionary<SyntaxNode, BoundCall> _calls = [];

    private static IReadOnlyList<SyntaxNode> Arguments(SyntaxNode call) => ((FunctionCallExpression)call).Arguments;

    private ExprType BindCall(SyntaxNode call, RowContext? row)
    {
        var nameNode = ((FunctionCallExpression)call).NameNode;
        var name = SyntaxHelpers.NameText(nameNode);
        var arguments = Arguments(call);
        if (name is null)
        {
            foreach (var argument in arguments) Bind(argument, row);
            return ExprType.Unknown;
        }

        switch (_scope.Lookup(name))
        {
            case FunctionSymbol function:
                _symbols[nameNode!] = function;
                return CallUserFunction(function, arguments, call, row);
            case VariableSymbol:
                foreach (var argument in arguments) Bind(argument, row);
                return ExprType.Unknown;
        }

        if (_context.WorkspaceFunctions.TryGetValue(name, out var workspace))
            return CallWorkspaceFunction(workspace, arguments, call, row);

        if (_context.Asim.Find(name) is { } asim)
            return BindAsimCall(asim, arguments, row);

        if (_context.Functions.Find(name, row?.Aggregates == true) is { } builtIn)
            return BindBuiltInCall(builtIn, call, nameNode!, arguments, row);

        foreach (var argument in arguments) Bind(argument, row);
        ReportUnknownFunction(nameNode!, name, _context.Functions.Names.Concat(_context.WorkspaceFunctions.Keys).Concat(_scope.VisibleNames()));
        return ExprType.Unknown;
    }

    /// <summary>
    /// A call to a name nothing defines: an error, or (validate) a warning that the workspace may define it, unless
    /// the name is close to a known one, which is almost always a typo. Either way the call's type is Unknown, so
    /// nothing after it is reported.
    /// </summary>
    private void ReportUnknownFunction(SyntaxNode nameNode, string name, IEnumerable<string> candidates)
    {
        var suggestion = DidYouMean(name, candidates);
        if (_context.UnknownFunctionsAreWarnings && suggestion.Length == 0)
            Report(KqlSemanticDiagnostics.UnknownWorkspaceFunction, nameNode.Span, name);
        else
            Report(KqlSemanticDiagnostics.UnknownFunction, nameNode.Span, name, suggestion);
    }

    private ExprType BindBuiltInCall(FunctionInfo function, SyntaxNode call, SyntaxNode nameNode, IReadOnlyList<SyntaxNode> arguments, RowContext? row)
    {
        // Find the signatures whose shape fits the argument count, then bind each argument as its parameter needs.
        var shaped = function.Signatures.SelectMany(s => SignatureMatcher.Maps(s, arguments.Count).Select(map => (Signature: s, Map: (int[]?)map))).ToList();
        if (shaped.Count == 0)
        {
            foreach (var argument in arguments) Bind(argument, row);
            Report(KqlSemanticDiagnostics.WrongArgumentCount, call.Span, function.Name, DescribeArity(function), arguments.Count);
            return ExprType.Unknown;
        }

        if (function.Kind == FunctionKind.Aggregate && row is not null && !row.Aggregates)
            Report(KqlSemanticDiagnostics.AggregateOutsideSummarize, nameNode.Span, function.Name);

        var first = shaped[0];
        var types = new ExprType[arguments.Count];
        for (var i = 0; i < arguments.Count; i++)
        {
            var parameter = first.Signature.Parameters[first.Map![i]];
            var argument = arguments[i];
            types[i] = parameter.IsTabular ? Bind(argument, null)
                : parameter.IsTypeLiteral || argument.Kind == SyntaxKind.StarExpression ? Record(argument, ExprType.Unknown)
                : Bind(argument, AggregateArguments(function, row));
        }

        var chosen = shaped.FirstOrDefault(x => Fits(x.Signature, x.Map!, types));
        if (chosen.Signature is null)
        {
            chosen = shaped[0];
            ReportArgumentType(function, chosen.Signature, chosen.Map!, arguments, types, shaped.Count);
        }

        var bound = new BoundCall(function, chosen.Signature, arguments, chosen.Map!, types);
        _calls[call] = bound;
        // With an argument of unknown type, several signatures may fit: then the result is unknown too.
        if (types.Any(t => !t.IsTabular && t.Scalar == ScalarType.Unknown) && shaped.Count(x => Fits(x.Signature, x.Map!, types)) > 1
            && shaped.Select(x => x.Signature.Returns.ToString()).Distinct().Count() > 1)
            return ExprType.Unknown;
        if (function.Kind == FunctionKind.Tabular && IsEntityReference(chosen.Signature))
            return BindEntityReference(bound, call);
        return bound.ReturnType();
    }

    /// <summary>Inside an aggregate's arguments, other aggregates are not allowed but columns are.</summary>
    private static RowContext? AggregateArguments(FunctionInfo function, RowContext? row) =>
        function.Kind == FunctionKind.Aggregate && row is not null ? row with { Aggregates = false } : row;

    private bool Fits(SignatureInfo signature, int[] map, ExprType[] types)
    {
        for (var i = 0; i < types.Length; i++)
        {
            var parameter = signature.Parameters[map[i]];
            if (parameter.IsTabular)
            {
                if (!types[i].IsTabular && types[i].Scalar != ScalarType.Unknown) return false;
                continue;
            }

            if (parameter.IsTypeLiteral || types[i].IsTabular) continue;
            if (!parameter.Types.Any(t => _context.Functions.Accepts(t, types[i].Scalar))) return false;
        }

        return true;
    }

    /// <summary>
    /// Reports an argument of the wrong type, but only where the verdict is certain: one signature
    /// fits the count, and the argument's type is known and not dynamic.
    /// </summary>
    private void ReportArgumentType(FunctionInfo function, SignatureInfo signature, int[] map, IReadOnlyList<SyntaxNode> arguments, ExprType[] types, int candidates)
    {
        if (candidates != 1) return;
        for (var i = 0; i < types.Length; i++)
        {
            var parameter = signature.Parameters[map[i]];
            if (parameter.IsTabular || parameter.IsTypeLiteral || types[i].IsTabular) continue;
            var type = types[i].Scalar;
            if (type is ScalarType.Unknown or ScalarType.Dynamic) continue;
            if (parameter.Types.Any(t => _context.Functions.Accepts(t, type))) continue;
            Report(KqlSemanticDiagnostics.WrongArgumentType, arguments[i].Span, parameter.Name, function.Name, string.Join(" or ", parameter.Types), type.Name());
            return;
        }
    }

    private static string DescribeArity(FunctionInfo function)
    {
        var min = function.MinArguments;
        var max = function.MaxArguments;
        return min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : max >= 1000 ? $"at least {min}"
            : $"{min} to {max}";
    }

    private static bool IsEntityReference(SignatureInfo signature) =>
        signature.Returns.ValueKind == System.Text.Json.JsonValueKind.Object && signature.Returns.TryGetProperty("entity", out _);

    /// <summary>table('Name') names a table of the catalog; other entities (cluster, database) have unknown schemas.</summary>
    private ExprType BindEntityReference(BoundCall call, SyntaxNode node)
    {
        var kind = call.Signature.Returns.GetProperty("entity").GetString();
        if (kind == "table" && call.Arguments.Count > 0 && call.Arguments[0].Kind is SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression)
        {
            var name = SyntaxHelpers.StringValue(call.Arguments[0]);
            return BindTableByName(name, call.Arguments[0]);
        }

        if (kind == "table" && call.Arguments.Count > 0 && ConstantString(call.Arguments[0]) is { } constant)
            return BindTableByName(constant, call.Arguments[0]);
        return ExprType.Of(TableSymbol.Unknown);
    }

    private ExprType BindTableByName(string name, SyntaxNode node)
    {
        if (_scope.Lookup(name) is VariableSymbol { Type.IsTabular: true } variable) return variable.Type;
        return ExprType.Of(LookupTable(name) ?? ReportUnknownTable(name, node));
    }

    /// <summary>The value of a string literal, or of a name bound to one (a let constant or a parameter given a literal).</summary>
    private string? ConstantString(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression => SyntaxHelpers.StringValue(node),
        SyntaxKind.NameReference when SyntaxHelpers.NameText(node) is { } name && _scope.Lookup(name) is VariableSymbol { ConstantValue: { } value } => value,
        _ => null,
    };

    /// <summary>Binds a let-declared function's body with the arguments' types, in the scope where it was declared.</summary>
    private ExprType CallUserFunction(FunctionSymbol function, IReadOnlyList<SyntaxNode> arguments, SyntaxNode call, RowContext? row, bool foreignBody = false)
    {
        var argumentTypes = new List<ExprType>();
        var constants = new List<string?>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var declared = i < function.Parameters.Count ? function.Parameters[i].Type : ExprType.Unknown;
            argumentTypes.Add(Bind(arguments[i], declared.IsTabular ? null : row));
            constants.Add(ConstantString(arguments[i]));
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.Parameters.Count)
        {
            var expected = function.MinArguments == function.Parameters.Count
                ? function.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : $"{function.MinArguments} to {function.Parameters.Count}";
            Report(KqlSemanticDiagnostics.WrongArgumentCount, call.Span, function.Name, expected, arguments.Count);
            return ExprType.Unknown;
        }

        if (function.Body is null || _callDepth >= MaxCallDepth) return ExprType.Unknown;
        return InScope(function.DeclaringScope, () =>
        {
            for (var i = 0; i < function.Parameters.Count; i++)
            {
                var parameter = function.Parameters[i];
                var type = i < argumentTypes.Count ? argumentTypes[i] : parameter.Type;
                // A tabular parameter declared (*) takes the argument's schema; a scalar parameter keeps its declared type.
                var effective = parameter.Type.IsTabular ? (type.IsTabular ? type : parameter.Type) : parameter.Type;
                _scope.Declare(new VariableSymbol(parameter.Name, effective, constantValue: i < constants.Count ? constants[i] : null));
            }

            _callDepth++;
            if (foreignBody) _foreignDepth++;
            try
            {
                return BindFunctionBody(function.Body, row);
            }
            finally
            {
                _callDepth--;
                if (foreignBody) _foreignDepth--;
            }
        });
    }

    private ExprType BindFunctionBody(FunctionBody body, RowContext? row)
    {
        foreach (var let in body.Statements.OfType<LetStatement>()) BindLet(let);
        return body.Expression is { } expression ? Bind(expression, row) : ExprType.Unknown;
    }

    /// <summary>Workspace functions' declarations, parsed once per binding however often they are called (null: does not parse).</summary>
    private readonly Dictionary<string, FunctionSymbol?> _workspaceSymbols = new(StringComparer.Ordinal);

    /// <summary>
    /// A workspace function: its text is parsed once into a declaration, bound at each call like a let-declared function;
    /// the call's name gets the symbol, so what runs and what --explain shows expand that one declaration.
    /// </summary>
    private ExprType CallWorkspaceFunction(WorkspaceFunction function, IReadOnlyList<SyntaxNode> arguments, SyntaxNode call, RowContext? row)
    {
        if (function.Name == SentinelFunctions.GetWatchlist.Name && _context.DeclaredWatchlists is { } declared
            && BindDeclaredWatchlist(declared, arguments, row) is { } watchlist)
            return watchlist;
        if (WorkspaceSymbol(function) is not { } symbol)
        {
            foreach (var argument in arguments) Bind(argument, row);
            return ExprType.Unknown;
        }

        _symbols[call is FunctionCallExpression { NameNode: { } name } ? name : call] = symbol;
        return CallUserFunction(symbol, arguments, call, row, foreignBody: true);
    }

    private FunctionSymbol? WorkspaceSymbol(WorkspaceFunction function)
    {
        if (_workspaceSymbols.TryGetValue(function.Name, out var cached)) return cached;
        var declaration = KqlSyntaxTree.Parse($"let {Quote(function.Name)} = {NormalizeParameters(function.Parameters)} {NormalizeBody(function.Body)};");
        var let = declaration.Root.DescendantNodesAndSelf().OfType<FunctionDeclaration>().FirstOrDefault();
        FunctionSymbol? symbol = null;
        if (!declaration.HasErrors && let is not null)
        {
            var declared = InScope(new Scope(), () => DeclareFunction(function.Name, let));
            symbol = new FunctionSymbol(declared.Name, declared.Parameters, declared.Body, declared.DeclaringScope)
            {
                IsWorkspaceFunction = true,
            };
        }

        _workspaceSymbols[function.Name] = symbol;
        return symbol;
    }

    private static string Quote(string name) => $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static string NormalizeParameters(string parameters) => string.IsNullOrWhiteSpace(parameters) ? "()" : parameters.Trim();

    private static string NormalizeBody(string body) => body.TrimStart().StartsWith('{') ? body : "{ " + body + " }";
}
