using SentinelContent.Kql.Binding;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Operators;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.Evaluation.Planning;

// parse and evaluate (plugins): parse's simple and regex modes, and the bag_unpack plugin.
internal sealed partial class QueryPlanner
{
    private TabularEval PlanParse(SyntaxNode op, TabularEval input)
    {
        var lists = op.ChildNodes().Where(n => n.Kind == SyntaxKind.List).ToArray();
        var source = PlanScalar(op.ChildNodes().First(n => n.Kind != SyntaxKind.List));
        var kind = ParameterText(op, "kind") ?? "simple";
        var flags = ParameterText(op, "flags") ?? string.Empty;
        var parts = new List<ParsePart>();
        foreach (var part in lists.Length > 0 ? lists[^1].ChildNodes() : [])
        {
            switch (part.Kind)
            {
                case SyntaxKind.StringLiteralExpression or SyntaxKind.CompoundStringLiteralExpression:
                    parts.Add(new ParsePart(SyntaxHelpers.StringValue(part), null, ScalarType.String));
                    break;
                case SyntaxKind.NameAndTypeDeclaration:
                    parts.Add(new ParsePart(null, SyntaxHelpers.NameText(Child(part, SyntaxKind.NameDeclaration)), SyntaxHelpers.TypeOf(Child(part, SyntaxKind.PrimitiveTypeExpression))));
                    break;
                case SyntaxKind.NameDeclaration:
                    parts.Add(new ParsePart(null, SyntaxHelpers.NameText(part), ScalarType.String));
                    break;
                case SyntaxKind.StarExpression:
                    parts.Add(new ParsePart(null, null, ScalarType.Unknown));
                    break;
                default:
                    if (part.Kind != SyntaxKind.NamedParameter) throw Unsupported(part, "this parse pattern element");
                    break;
            }
        }

        // Built (and so checked) at planning; each run uses it with the run's regex timeout.
        var pattern = ParsePattern.Build(parts, kind, flags, EvaluationLimits.Default.RegexTimeout);
        var keepUnmatched = op.Kind == SyntaxKind.ParseOperator;
        return context =>
        {
            var table = input(context);
            try
            {
                var regex = RegexCache.WithTimeout(pattern, context.Limits.RegexTimeout);
                return ParsePattern.Apply(table, source.Eval(table, context), regex, parts, keepUnmatched);
            }
            catch (ArgumentException e)
            {
                throw Invalid(op, $"the parse pattern is not a valid regular expression: {e.Message}");
            }
        };
    }

    private TabularEval PlanEvaluate(SyntaxNode op, TabularEval input)
    {
        var call = op.ChildNodes().FirstOrDefault(n => n.Kind == SyntaxKind.FunctionCallExpression) ?? throw Invalid(op, "evaluate needs a plugin call");
        var name = CallName(call);
        var arguments = Arguments(call);
        if (name != "bag_unpack") throw Unsupported(call, $"the {name} plugin");
        var bag = PlanScalar(arguments[0]);
        var prefix = arguments.Count > 1 ? PlanScalar(arguments[1], row: false) : null;
        var columnName = arguments[0].Kind == SyntaxKind.NameReference ? SyntaxHelpers.NameText(arguments[0]) : null;
        return context =>
        {
            var table = input(context);
            var bags = bag.Eval(table, context);
            var prefixText = prefix is null ? string.Empty : KqlValue.ToText(prefix.Single(context));
            return BagUnpacker.Unpack(table, bags, columnName, prefixText);
        };
    }
}
