using SentinelContent.Core.Text;
using SentinelContent.Core.Values;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Compiler;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Expressions;
using SentinelContent.Playbooks.Format;

using SentinelContent.Playbooks.Json;

namespace SentinelContent.Playbooks.Validation;

/// <summary>
/// Parses every @ expression and resolves what it names: functions and their argument counts, actions in
/// body()/outputs()/actions(), items() and item() only inside loops, variables initialised before use,
/// declared parameters and connections.
/// </summary>
public sealed class ExpressionCheck : IPlaybookCheck
{
    public const int MaxExpressionLength = 8192;

    private static readonly HashSet<string> ActionFunctions = new(["actions", "body", "outputs", "actionBody", "actionOutputs", "result"], StringComparer.OrdinalIgnoreCase);

    public void Check(PlaybookCheckContext context)
    {
        var variables = new VariableScope(context);
        foreach (var site in StringWalker.Walk(context))
        {
            if (!TemplateParser.MayContainExpression(site.Text)) continue;
            var template = TemplateParser.Parse(site.Text);
            foreach (var error in template.Errors) context.Report(PlaybookDiagnostics.ExpressionSyntax, Locate(context, site, error.Span), error.Message);
            foreach (var expression in template.Expressions)
            {
                // The limit is per expression: long text with short @{...} parts is accepted by Logic Apps (the corpus has 25,000-character HTML bodies).
                if (expression.Span.Length > MaxExpressionLength)
                    context.Report(PlaybookDiagnostics.ExpressionTooLong, Locate(context, site, new TextSpan(expression.Span.Start, 1)), expression.Span.Length, MaxExpressionLength);
                Resolve(context, site, expression, variables);
            }
        }
        foreach (var action in context.Sites.Where(s => s.Kind?.UsesVariable == true))
        {
            if (Json.JsonRead.Text(action.Action["inputs"].Get("name")) is { } name) variables.CheckUse(name, action, context.LocationOf(action.Action["inputs"].Get("name"), action.Action));
        }
    }

    private static void Resolve(PlaybookCheckContext context, StringSite site, ExpressionNode root, VariableScope variables)
    {
        var stack = new Stack<ExpressionNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            switch (node)
            {
                case FunctionCall call:
                    CheckCall(context, site, call, variables);
                    foreach (var argument in call.Arguments) stack.Push(argument);
                    break;
                case MemberAccess member:
                    stack.Push(member.Target);
                    break;
                case IndexAccess index:
                    CheckConnectionIndex(context, site, index);
                    stack.Push(index.Target);
                    stack.Push(index.Index);
                    break;
            }
        }
    }

    private static void CheckCall(PlaybookCheckContext context, StringSite site, FunctionCall call, VariableScope variables)
    {
        var signature = FunctionCatalog.Default.Find(call.Name);
        if (signature is null)
        {
            context.Report(PlaybookDiagnostics.UnknownFunction, Locate(context, site, call.NameSpan), call.Name, Similarity.DidYouMean(call.Name, FunctionCatalog.Default.Names));
            return;
        }
        if (!signature.Accepts(call.Arguments.Count))
        {
            context.Report(PlaybookDiagnostics.WrongArgumentCount, Locate(context, site, call.Span), signature.Name, signature.ArityText, call.Arguments.Count);
            return;
        }
        var literal = call.Arguments.Count > 0 && call.Arguments[0] is StringLiteral s ? s : null;
        var name = signature.Name;
        if (ActionFunctions.Contains(name) && literal is not null && context.FindAction(literal.Value) is null)
        {
            context.Report(PlaybookDiagnostics.UnknownActionReference, Locate(context, site, literal.Span), name, literal.Value,
                Similarity.DidYouMean(literal.Value, context.Sites.Select(a => a.Name)));
        }
        else if (name == "items" && literal is not null)
        {
            var loops = site.Action?.Enclosing.Where(e => e.Kind == ActionKinds.Foreach).Select(e => e.Name).ToList() ?? [];
            if (!loops.Contains(literal.Value, StringComparer.OrdinalIgnoreCase))
            {
                var message = loops.Count == 0
                    ? $"items('{literal.Value}') is used outside any for-each"
                    : $"items('{literal.Value}') names no enclosing for-each; the enclosing loops are {string.Join(", ", loops)}";
                context.Report(PlaybookDiagnostics.ItemOutsideLoop, Locate(context, site, literal.Span), message);
            }
        }
        else if (name == "item" && !site.ItemInScope)
        {
            context.Report(PlaybookDiagnostics.ItemOutsideLoop, Locate(context, site, call.Span), "item() is used outside a for-each, select, filter or table");
        }
        else if (name == "variables" && literal is not null)
        {
            variables.CheckUse(literal.Value, site.Action, Locate(context, site, literal.Span));
        }
        // $connections is declared by declaring connections; CheckConnectionIndex reports the missing connection itself.
        else if (name == "parameters" && literal is not null && literal.Value != WorkflowNames.ConnectionsParameter)
        {
            var declared = (context.Playbook.Definition["parameters"] as System.Text.Json.Nodes.JsonObject)?.Select(p => p.Key).ToList() ?? [];
            if (!declared.Contains(literal.Value, StringComparer.OrdinalIgnoreCase))
                context.Report(PlaybookDiagnostics.UnknownParameter, Locate(context, site, literal.Span), literal.Value, Similarity.DidYouMean(literal.Value, declared));
        }
    }

    /// <summary>parameters('$connections')['KEY'] must name a declared connection.</summary>
    private static void CheckConnectionIndex(PlaybookCheckContext context, StringSite site, IndexAccess index)
    {
        if (index.Target is not FunctionCall { Name: var function, Arguments: [StringLiteral { Value: WorkflowNames.ConnectionsParameter }] }
            || !function.Equals("parameters", StringComparison.OrdinalIgnoreCase)
            || index.Index is not StringLiteral key) return;
        var keys = context.Playbook.Connections.Select(c => c.Key).ToList();
        if (!keys.Contains(key.Value, StringComparer.Ordinal))
            context.Report(PlaybookDiagnostics.UnknownConnection, Locate(context, site, key.Span), key.Value, Similarity.DidYouMean(key.Value, keys));
    }

    /// <summary>A span inside the string maps to the YAML line and column when the string is written in the YAML as is.</summary>
    internal static SourceLocation Locate(PlaybookCheckContext context, StringSite site, TextSpan span)
    {
        var origin = context.Playbook.Map.OriginOf(site.Node);
        if (origin is YamlScalar scalar && scalar.Value == site.Text) return scalar.LocationOf(span);
        return context.LocationOf(site.Node, site.Action?.Action);
    }
}
