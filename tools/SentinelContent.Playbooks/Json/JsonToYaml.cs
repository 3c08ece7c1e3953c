using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SentinelContent.Playbooks.Json;

/// <summary>
/// Writes a JSON value as block-style YAML that reads back to the same JSON: text that YAML would take for
/// a number, boolean or null is quoted, multi-line text becomes a literal block, empty containers are flow.
/// </summary>
public static class JsonToYaml
{
    public static string Write(JsonNode? node, string? headerComment = null)
    {
        var writer = new StringWriter { NewLine = "\n" };
        if (headerComment is not null)
        {
            foreach (var line in headerComment.Split('\n')) writer.WriteLine($"# {line}".TrimEnd());
        }
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, indentSequences: true));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case JsonObject obj:
                var flow = obj.Count == 0;
                emitter.Emit(new MappingStart(null, null, true, flow ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in obj)
                {
                    EmitText(emitter, key, allowBlock: false);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
            case JsonArray array:
                emitter.Emit(new SequenceStart(null, null, true, array.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in array) Emit(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        EmitText(emitter, value.GetValue<string>(), allowBlock: true);
                        break;
                    case JsonValueKind.True:
                    case JsonValueKind.False:
                    case JsonValueKind.Number:
                        emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, true, false));
                        break;
                    default:
                        emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                        break;
                }
                break;
        }
    }

    private static void EmitText(IEmitter emitter, string text, bool allowBlock)
    {
        ScalarStyle style;
        if (YamlToJson.WouldChangeType(text)) style = ScalarStyle.DoubleQuoted;
        else if (allowBlock && text.Contains('\n') && IsBlockSafe(text)) style = ScalarStyle.Literal;
        else if (NeedsQuotes(text)) style = ScalarStyle.DoubleQuoted;
        else style = ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    /// <summary>Literal blocks cannot keep carriage returns, tabs at line starts or trailing spaces exactly; quote those.</summary>
    private static bool IsBlockSafe(string text) =>
        !text.Contains('\r') && !text.Contains('\t') && !text.Split('\n').Any(line => line.EndsWith(' ')) && !text.StartsWith(' ') && !text.StartsWith('\n');

    /// <summary>Control characters and other unusual text go double-quoted so escapes keep them intact.</summary>
    private static bool NeedsQuotes(string text)
    {
        foreach (var c in text) if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') return true;
        return text != text.Trim();
    }
}
