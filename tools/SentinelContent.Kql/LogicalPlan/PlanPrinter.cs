using System.Text;
using System.Text.Json;
using SentinelContent.Kql.Schema;
using SentinelContent.Kql.Syntax;

namespace SentinelContent.Kql.LogicalPlan;

/// <summary>
/// The plan as text (one node per line, inputs indented under it, each with its output columns) and as JSON (the
/// same tree, every field named). A shared expansion is written in full once and referred to after that.
/// </summary>
internal static class PlanPrinter
{
    private const int ColumnsShown = 8;

    public static string Text(QueryPlan plan)
    {
        var writer = new TextWriter();
        foreach (var let in plan.Lets)
        {
            if (let.Table is not null)
            {
                writer.Line(0, $"let {let.Name} =");
                writer.Node(let.Table, 1);
            }
            else
            {
                writer.Line(0, $"let {let.Name} = {Expression(let.Scalar!)}");
            }
        }

        if (plan.Lets.Count > 0) writer.Line(0, "result =");
        writer.Node(plan.Result, plan.Lets.Count > 0 ? 1 : 0);
        return writer.ToString();
    }

    private sealed class TextWriter
    {
        private readonly StringBuilder _builder = new();
        private readonly Dictionary<ExpandNode, int> _expansions = new(ReferenceEqualityComparer.Instance);

        public void Line(int depth, string text) => _builder.Append(' ', depth * 2).Append(text).Append('\n');

        public void Node(PlanNode node, int depth)
        {
            if (node is ExpandNode expand && _expansions.TryGetValue(expand, out var id))
            {
                Line(depth, $"Expand {expand.Function} #{id} (shared: expanded once, above)");
                return;
            }

            if (node is ExpandNode first) _expansions[first] = _expansions.Count + 1;
            Line(depth, Describe(node) + Columns(node));
            if (node is ExpandNode expansion)
            {
                foreach (var argument in expansion.Arguments)
                {
                    if (argument.Table is null) Line(depth + 1, $"{argument.Parameter} = {Expression(argument.Scalar!)}");
                    else
                    {
                        Line(depth + 1, $"{argument.Parameter} =");
                        Node(argument.Table, depth + 2);
                    }
                }

                foreach (var let in expansion.Lets)
                {
                    if (let.Table is null) Line(depth + 1, $"let {let.Name} = {Expression(let.Scalar!)}");
                    else
                    {
                        Line(depth + 1, $"let {let.Name} =");
                        Node(let.Table, depth + 2);
                    }
                }

                Node(expansion.Body, depth + 1);
                return;
            }

            foreach (var input in node.Inputs) Node(input, depth + 1);
        }

        private string Describe(PlanNode node) => node switch
        {
            ScanNode scan when scan.Width == 0 => $"Scan {scan.Table}",
            ScanNode scan => $"Scan {scan.Table} ({scan.Columns.Count} of {scan.Width} columns: {Names(scan.Columns.Select(c => c.Name))})",
            LetReferenceNode reference => $"LetRef {reference.Let}",
            FilterNode filter => $"Filter {string.Join(" and ", filter.Predicates.Select(Expression))}",
            ProjectNode project => $"Project ({project.Operator}) {Assignments(project.Columns)}",
            ExtendNode extend => $"Extend {Assignments(extend.Assignments)}",
            AggregateNode aggregate => $"Aggregate {Assignments(aggregate.Aggregates)}"
                + (aggregate.Groups.Count == 0 ? "" : $" by {Assignments(aggregate.Groups)}"),
            SortNode sort => $"Sort by {string.Join(", ", sort.Keys.Select(SortKey))}",
            TopNode top => $"Top {Expression(top.Count)} by {SortKey(top.Key)}",
            TakeNode take => $"Take {Expression(take.Count)}",
            DistinctNode distinct => distinct.Columns.Count == 0 ? "Distinct *" : $"Distinct {Assignments(distinct.Columns)}",
            CountNode => "Count",
            JoinNode join => $"{join.Name} kind={join.Kind.Text()} on {Keys(join)}",
            UnionNode union => $"Union kind={union.Kind.ToString().ToLowerInvariant()}"
                + (union.SourceColumn is null ? "" : $" withsource={union.SourceColumn}"),
            ExpandNode expand => $"Expand {(expand.Workspace ? "workspace function" : "function")} {expand.Function} "
                + $"#{_expansions[expand]}",
            OperatorNode op => $"Operator {op.Operator}"
                + (op.Expressions.Count == 0 ? "" : $" {string.Join(", ", op.Expressions.Select(e => e.Text))}"),
            _ => node.Name,
        };

        public override string ToString() => _builder.ToString();
    }

    private static string Keys(JoinNode join) => join.LeftKeys.Count == 0
        ? "(no equality keys)"
        : string.Join(", ", join.LeftKeys.Zip(join.RightKeys, (l, r) => l == r ? l : $"$left.{l} == $right.{r}"));

    private static string SortKey(PlanSortKey key) =>
        $"{Expression(key.Value)} {(key.Descending ? "desc" : "asc")} nulls {(key.NullsFirst ? "first" : "last")}";

    private static string Assignments(IEnumerable<PlanAssignment> assignments) =>
        string.Join(", ", assignments.Select(a => a.Name == a.Value.Text ? Expression(a.Value) : $"{a.Name} = {Expression(a.Value)}"));

    private static string Expression(PlanExpression expression) =>
        expression.Type == ScalarType.Unknown ? expression.Text : $"{expression.Text}: {ScalarTypes.Name(expression.Type)}";

    private static string Columns(PlanNode node) =>
        node.Output.Count == 0 ? "" : $"  -> ({Names(node.Output.Select(c => $"{c.Name}: {ScalarTypes.Name(c.Type)}"))})";

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count <= ColumnsShown
            ? string.Join(", ", list)
            : string.Join(", ", list.Take(ColumnsShown)) + $", ... (+{list.Count - ColumnsShown})";
    }

    public static string Json(QueryPlan plan)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var ids = new Dictionary<ExpandNode, int>(ReferenceEqualityComparer.Instance);
            writer.WriteStartObject();
            writer.WriteStartArray("lets");
            foreach (var let in plan.Lets) WriteLet(writer, let, ids);
            writer.WriteEndArray();
            writer.WritePropertyName("result");
            WriteNode(writer, plan.Result, ids);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteLet(Utf8JsonWriter writer, LetBinding let, Dictionary<ExpandNode, int> ids) =>
        WriteBoundValue(writer, "name", let.Name, let.Table, let.Scalar, ids);

    /// <summary>A let or a function argument: its name, and the table or the scalar it is bound to.</summary>
    private static void WriteBoundValue(
        Utf8JsonWriter writer, string nameProperty, string name, PlanNode? table, PlanExpression? scalar,
        Dictionary<ExpandNode, int> ids)
    {
        writer.WriteStartObject();
        writer.WriteString(nameProperty, name);
        if (table is not null)
        {
            writer.WritePropertyName("table");
            WriteNode(writer, table, ids);
        }
        else
        {
            writer.WritePropertyName("scalar");
            WriteExpression(writer, scalar!);
        }

        writer.WriteEndObject();
    }

    private static void WriteNode(Utf8JsonWriter writer, PlanNode node, Dictionary<ExpandNode, int> ids)
    {
        writer.WriteStartObject();
        writer.WriteString("node", node.Name);
        if (node is ExpandNode shared && ids.TryGetValue(shared, out var sharedId))
        {
            writer.WriteNumber("expansion", sharedId);
            writer.WriteBoolean("shared", true);
            writer.WriteEndObject();
            return;
        }

        writer.WriteNumber("start", node.Span.Start);
        writer.WriteNumber("length", node.Span.Length);
        switch (node)
        {
            case ScanNode scan:
                writer.WriteString("table", scan.Table);
                writer.WriteNumber("width", scan.Width);
                WriteColumns(writer, "reads", scan.Columns);
                break;
            case LetReferenceNode reference:
                writer.WriteString("let", reference.Let);
                break;
            case FilterNode filter:
                WriteExpressions(writer, "predicates", filter.Predicates);
                break;
            case ProjectNode project:
                writer.WriteString("operator", project.Operator);
                WriteAssignments(writer, "columns", project.Columns);
                break;
            case ExtendNode extend:
                WriteAssignments(writer, "assignments", extend.Assignments);
                break;
            case AggregateNode aggregate:
                WriteAssignments(writer, "groups", aggregate.Groups);
                WriteAssignments(writer, "aggregates", aggregate.Aggregates);
                break;
            case SortNode sort:
                writer.WriteStartArray("keys");
                foreach (var key in sort.Keys) WriteSortKey(writer, key);
                writer.WriteEndArray();
                break;
            case TopNode top:
                writer.WritePropertyName("count");
                WriteExpression(writer, top.Count);
                writer.WritePropertyName("key");
                WriteSortKey(writer, top.Key);
                break;
            case TakeNode take:
                writer.WritePropertyName("count");
                WriteExpression(writer, take.Count);
                break;
            case DistinctNode distinct:
                WriteAssignments(writer, "columns", distinct.Columns);
                break;
            case JoinNode join:
                writer.WriteString("kind", join.Kind.Text());
                writer.WriteStartArray("leftKeys");
                foreach (var key in join.LeftKeys) writer.WriteStringValue(key);
                writer.WriteEndArray();
                writer.WriteStartArray("rightKeys");
                foreach (var key in join.RightKeys) writer.WriteStringValue(key);
                writer.WriteEndArray();
                break;
            case UnionNode union:
                writer.WriteString("kind", union.Kind.ToString().ToLowerInvariant());
                if (union.SourceColumn is not null) writer.WriteString("withsource", union.SourceColumn);
                break;
            case ExpandNode expand:
                ids[expand] = ids.Count + 1;
                writer.WriteNumber("expansion", ids[expand]);
                writer.WriteString("function", expand.Function);
                writer.WriteBoolean("workspace", expand.Workspace);
                writer.WriteStartArray("arguments");
                foreach (var argument in expand.Arguments)
                    WriteBoundValue(writer, "parameter", argument.Parameter, argument.Table, argument.Scalar, ids);

                writer.WriteEndArray();
                writer.WriteStartArray("lets");
                foreach (var let in expand.Lets) WriteLet(writer, let, ids);
                writer.WriteEndArray();
                writer.WritePropertyName("body");
                WriteNode(writer, expand.Body, ids);
                break;
            case OperatorNode op:
                writer.WriteString("operator", op.Operator);
                WriteExpressions(writer, "expressions", op.Expressions);
                break;
        }

        WriteColumns(writer, "output", node.Output);
        if (node is not ExpandNode)
        {
            writer.WriteStartArray("inputs");
            foreach (var input in node.Inputs) WriteNode(writer, input, ids);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteColumns(Utf8JsonWriter writer, string name, IEnumerable<PlanColumn> columns)
    {
        writer.WriteStartArray(name);
        foreach (var column in columns)
        {
            writer.WriteStartObject();
            writer.WriteString("name", column.Name);
            writer.WriteString("type", ScalarTypes.Name(column.Type));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteExpressions(Utf8JsonWriter writer, string name, IEnumerable<PlanExpression> expressions)
    {
        writer.WriteStartArray(name);
        foreach (var expression in expressions) WriteExpression(writer, expression);
        writer.WriteEndArray();
    }

    private static void WriteExpression(Utf8JsonWriter writer, PlanExpression expression)
    {
        writer.WriteStartObject();
        writer.WriteString("text", expression.Text);
        writer.WriteString("type", ScalarTypes.Name(expression.Type));
        writer.WriteStartArray("reads");
        foreach (var column in expression.Reads) writer.WriteStringValue(column);
        writer.WriteEndArray();
        if (expression.ReadsAll) writer.WriteBoolean("readsAll", true);
        writer.WriteEndObject();
    }

    private static void WriteAssignments(Utf8JsonWriter writer, string name, IEnumerable<PlanAssignment> assignments)
    {
        writer.WriteStartArray(name);
        foreach (var assignment in assignments)
        {
            writer.WriteStartObject();
            writer.WriteString("name", assignment.Name);
            writer.WritePropertyName("value");
            WriteExpression(writer, assignment.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteSortKey(Utf8JsonWriter writer, PlanSortKey key)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("value");
        WriteExpression(writer, key.Value);
        writer.WriteBoolean("descending", key.Descending);
        writer.WriteBoolean("nullsFirst", key.NullsFirst);
        writer.WriteEndObject();
    }
}
