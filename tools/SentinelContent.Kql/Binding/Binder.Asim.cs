using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

// ASIM parsers: a call binds to its schema's columns from the catalog, with its arguments checked by name and type.
internal sealed partial class Binder
{
    /// <summary>
    /// _Im_NetworkSession(starttime=ago(1d)) and the like: the result is the schema's table, made once per binding
    /// context, so binding the call costs what naming a table costs. A parameter the parser lacks is SC0330 at its
    /// name; an argument of the wrong type is SC0331 at the argument.
    /// </summary>
    private ExprType BindAsimCall(AsimParser parser, IReadOnlyList<SyntaxNode> arguments, RowContext? row)
    {
        foreach (var argument in AsimArguments.Match(parser, arguments))
        {
            var type = Bind(argument.Value, row);
            if (argument.Parameter is { } parameter)
            {
                if (!type.IsTabular && !AsimAccepts(parameter.Type, type.Scalar))
                {
                    Report(KqlSemanticDiagnostics.AsimArgumentType, argument.Value.Span, parameter.Name, parser.Name,
                        parameter.Type.Name(), type.Scalar.Name());
                }
            }
            else if (argument.NameNode is null)
            {
                Report(KqlSemanticDiagnostics.WrongArgumentCount, argument.Value.Span, parser.Name,
                    parser.Parameters.Count, arguments.Count);
            }
            else if (!parser.ParametersOpen)
            {
                var names = parser.Parameters.Select(p => p.Name).ToList();
                var suggestion = DidYouMean(argument.Name!, names);
                var hint = names.Count == 0 ? " (it takes no parameters)"
                    : suggestion.Length > 0 ? suggestion
                    : $" (it takes {string.Join(", ", names)})";
                Report(KqlSemanticDiagnostics.AsimUnknownParameter, argument.NameNode.Span, parser.Name, argument.Name, hint);
            }
        }
        return ExprType.Of(_context.TableFor(parser.Schema.Table));
    }

    /// <summary>
    /// What Kusto passes to a declared parameter: its own type and the implicit conversions the catalog knows; any
    /// number for a numeric parameter (integer literals are long, dstportnumber is int); anything for dynamic.
    /// </summary>
    private bool AsimAccepts(ScalarType parameter, ScalarType argument) =>
        argument is ScalarType.Unknown || parameter is ScalarType.Dynamic
        || _context.Functions.Accepts(parameter.Name(), argument)
        || (IsNumber(parameter) && IsNumber(argument));

    private static bool IsNumber(ScalarType type) => type is ScalarType.Int or ScalarType.Long or ScalarType.Real or ScalarType.Decimal;
}
