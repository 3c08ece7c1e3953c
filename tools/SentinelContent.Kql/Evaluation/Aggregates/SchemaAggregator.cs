using System.Text.Json;
using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Values;

namespace SentinelContent.Kql.Evaluation.Aggregates;

/// <summary>
/// buildschema(dynamic): the minimal schema admitting every value (buildschema-aggregation-function.md). A schema is a
/// type name (long, double, string, bool...), a bag of property schemas, or an array's {"`indexer`": schema}; a place
/// that admits several is the array of them in order of first appearance: {"x":["long","string"]}.
/// </summary>
internal sealed class SchemaAggregator(AggregateCall call) : PerGroup<SchemaAggregator.Schema>(call)
{
    private const string Indexer = "`indexer`";

    /// <summary>The alternatives at one place: type names, at most one bag schema and at most one array schema.</summary>
    internal sealed class Schema
    {
        private readonly List<object> _alternatives = [];

        public void Add(JsonNode? value)
        {
            switch (value)
            {
                case null:
                    return;
                case JsonObject bag:
                    var properties = _alternatives.OfType<Dictionary<string, Schema>>().FirstOrDefault();
                    if (properties is null) _alternatives.Add(properties = []);
                    foreach (var (name, child) in bag)
                    {
                        if (!properties.TryGetValue(name, out var schema)) properties[name] = schema = new Schema();
                        schema.Add(child);
                    }

                    return;
                case JsonArray array:
                    var elements = _alternatives.OfType<Schema>().FirstOrDefault();
                    if (elements is null) _alternatives.Add(elements = new Schema());
                    foreach (var element in array) elements.Add(element);
                    return;
                case JsonValue scalar:
                    var type = TypeName(scalar);
                    if (type is not null && !_alternatives.OfType<string>().Contains(type)) _alternatives.Add(type);
                    return;
            }
        }

        public bool IsEmpty => _alternatives.Count == 0;

        public JsonNode? ToJson()
        {
            var nodes = _alternatives.Select(alternative => alternative switch
            {
                string type => (JsonNode?)JsonValue.Create(type),
                Dictionary<string, Schema> properties => new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, p.Value.ToJson()))),
                Schema elements => new JsonObject { [Indexer] = elements.ToJson() },
                _ => null,
            }).ToList();
            return nodes.Count == 1 ? nodes[0] : new JsonArray([.. nodes]);
        }

        private static string? TypeName(JsonValue value) => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => KqlValue.Unwrap(value) is long ? "long" : "double",
            _ => null,
        };
    }

    public override void Add(int group, int row) => State(group).Add(KqlValue.ToDynamic(RawArg(0, row)));

    protected override object? Result(Schema state) => state.IsEmpty ? null : state.ToJson();
}
