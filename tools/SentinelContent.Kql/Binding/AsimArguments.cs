using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Binding;

/// <summary>
/// The arguments of an ASIM parser call matched to its parameters, the one way both the binder and the planner read
/// them: named (starttime=ago(1d)), as content almost always writes them, or by position.
/// </summary>
public static class AsimArguments
{
    /// <param name="Parameter">The parameter, or null when the call names one the parser does not have (or passes too many).</param>
    /// <param name="Name">The name written (named arguments), else the parameter's.</param>
    /// <param name="NameNode">Where the name is written, for diagnostics; null for a positional argument.</param>
    public sealed record Argument(AsimParameter? Parameter, string? Name, SyntaxNode? NameNode, SyntaxNode Value);

    public static IReadOnlyList<Argument> Match(AsimParser parser, IReadOnlyList<SyntaxNode> arguments)
    {
        var parameters = parser.Parameters;
        var result = new List<Argument>(arguments.Count);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is SimpleNamedExpression { Name: { } name } named)
            {
                result.Add(new Argument(parameters.FirstOrDefault(p => p.Name == name), name, named.NameNode, named.Expression));
                continue;
            }
            var positional = i < parameters.Count ? parameters[i] : null;
            result.Add(new Argument(positional, positional?.Name, null, arguments[i]));
        }
        return result;
    }
}
