using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Evaluation.Asim;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// ASIM parsers: the call's arguments are planned like any scalar (they may read let values and now()), evaluated once per
// run, and the parser's rows come from the schema's sample table (AsimParserRun).
internal sealed partial class QueryPlanner
{
    /// <summary>The ASIM parser <paramref name="name"/> calls (a let, workspace function or table of that name comes first).</summary>
    private AsimParser? AsimParserNamed(string name) =>
        _bindingContext.Schemas.Find(name) is null ? _bindingContext.Asim.Find(name) : null;

    private TabularEval PlanAsimCall(AsimParser parser, IReadOnlyList<SyntaxNode> arguments)
    {
        var planned = new List<(string Name, ScalarPlan Value)>();
        foreach (var argument in AsimArguments.Match(parser, arguments))
        {
            if (argument.Name is { } name) planned.Add((name, PlanScalar(argument.Value, row: false)));
        }
        var defaults = parser.Parameters
            .Where(p => planned.All(a => a.Name != p.Name) && p.Default.Length > 1 && p.Default[0] == '\'' && p.Default[^1] == '\'')
            .Select(p => (p.Name, (object?)p.Default[1..^1]))
            .ToList();
        return context =>
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (name, value) in defaults) values[name] = value;
            foreach (var (name, value) in planned) values[name] = value.Single(context);
            return AsimParserRun.Run(parser, values, context);
        };
    }
}
