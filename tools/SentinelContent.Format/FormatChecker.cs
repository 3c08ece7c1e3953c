using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Values;
using SentinelContent.Core.Yaml;

namespace SentinelContent.Format;

/// <summary>
/// Checks a YAML document against a <see cref="FieldSpec"/> tree: types, required fields, unknown
/// fields (with "did you mean"), enum values, lengths and counts. Everything here is driven by the
/// specification; checks that relate fields to each other live in the validators.
/// </summary>
public sealed class FormatChecker(IList<Diagnostic> diagnostics, RequiredFor kind)
{
    public void CheckObject(YamlNode node, FieldSpec spec, string path)
    {
        if (node is not YamlMapping mapping)
        {
            Report(FormatDiagnostics.WrongType, node, path, "a mapping of fields", node.KindName);
            return;
        }

        foreach (var field in spec.Fields)
        {
            if ((field.Required & kind) != 0 && YamlValues.IsAbsent(mapping[field.Name]))
            {
                var scope = field.Required == RequiredFor.All ? string.Empty : kind == RequiredFor.Nrt ? " for NRT rules" : " for Scheduled rules";
                var where = mapping.Find(field.Name)?.Key ?? (YamlNode)mapping;
                Report(FormatDiagnostics.RequiredField, where, Join(path, field.Name), scope);
            }
        }

        foreach (var entry in mapping.Entries)
        {
            var field = spec.Find(entry.Key.Value);
            if (field is null)
            {
                Report(FormatDiagnostics.UnknownField, entry.Key, entry.Key.Value, Similarity.DidYouMean(entry.Key.Value, spec.Fields.Select(f => f.Name)));
                continue;
            }
            if (!YamlValues.IsAbsent(entry.Value)) CheckValue(entry.Value, field, Join(path, field.Name));
        }
    }

    private void CheckValue(YamlNode node, FieldSpec field, string path)
    {
        switch (field.Type)
        {
            case FieldType.String:
                if (Scalar(node, field, path, "text") is { } text) CheckLength(text, field, path);
                break;
            case FieldType.Integer:
                if (!YamlValues.TryInteger(node, out var number)) Report(FormatDiagnostics.WrongType, node, path, "a whole number", Describe(node));
                else if (number.Value < (field.Minimum ?? int.MinValue) || number.Value > (field.Maximum ?? int.MaxValue))
                    Report(FormatDiagnostics.OutOfRange, node, path, number.Value, field.Minimum ?? int.MinValue, field.Maximum ?? int.MaxValue);
                break;
            case FieldType.Boolean:
                if (!YamlValues.TryBoolean(node, out _)) Report(FormatDiagnostics.WrongType, node, path, "true or false", Describe(node));
                break;
            case FieldType.Duration:
                if (Scalar(node, field, path, "a duration") is { } duration && !RuleDuration.TryParse(duration.Value, out _, out var why))
                    Report(FormatDiagnostics.InvalidDuration, node, duration.Value, why);
                break;
            case FieldType.Guid:
                if (Scalar(node, field, path, "a GUID") is { } guid && !Guid.TryParseExact(guid.Value, "D", out _))
                    Report(FormatDiagnostics.InvalidGuid, node, guid.Value);
                break;
            case FieldType.Enum:
                if (Scalar(node, field, path, "text") is { } value) CheckEnum(value, field, path);
                break;
            case FieldType.StringList:
            case FieldType.EnumList:
                CheckList(node, field, path);
                break;
            case FieldType.ObjectList:
                if (List(node, field, path) is { } objects)
                {
                    for (var i = 0; i < objects.Items.Count; i++) CheckObject(objects.Items[i], field, $"{path}[{i}]");
                }
                break;
            case FieldType.Object:
                CheckObject(node, field, path);
                break;
            case FieldType.StringMap:
                CheckMap(node, field, path);
                break;
            case FieldType.TagList:
                CheckTags(node, field, path);
                break;
        }
    }

    private YamlScalar? Scalar(YamlNode node, FieldSpec field, string path, string expected)
    {
        if (node is YamlScalar scalar) return scalar;
        Report(FormatDiagnostics.WrongType, node, path, expected, node.KindName);
        return null;
    }

    private void CheckLength(YamlScalar text, FieldSpec field, string path)
    {
        if (field.MinLength is > 0 && text.Value.Trim().Length == 0) Report(FormatDiagnostics.Empty, text, path);
        else if (field.MaxLength is { } max && text.Value.Length > max) Report(FormatDiagnostics.TooLong, text, path, text.Value.Length, max);
    }

    private void CheckEnum(YamlScalar value, FieldSpec field, string path)
    {
        if (field.Canonical(value.Value) is not null) return;
        var known = field.Values.Concat(field.Aliases.Keys);
        Report(FormatDiagnostics.InvalidValue, value, value.Value, path, Similarity.DidYouMean(value.Value, known), string.Join(", ", field.Values));
    }

    private YamlSequence? List(YamlNode node, FieldSpec field, string path)
    {
        if (node is not YamlSequence sequence)
        {
            Report(FormatDiagnostics.WrongType, node, path, "a list", node.KindName);
            return null;
        }
        if (field.MaxItems is { } max && sequence.Items.Count > max) Report(FormatDiagnostics.TooManyItems, sequence, path, sequence.Items.Count, max);
        if (field.MinItems is { } min && sequence.Items.Count < min) Report(FormatDiagnostics.TooFewItems, sequence, path, min);
        return sequence;
    }

    private void CheckList(YamlNode node, FieldSpec field, string path)
    {
        if (List(node, field, path) is not { } sequence) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (Scalar(sequence.Items[i], field, $"{path}[{i}]", "text") is not { } item) continue;
            if (field.Type == FieldType.EnumList) CheckEnum(item, field, path);
            if (!seen.Add(item.Value)) Report(FormatDiagnostics.DuplicateValue, item, item.Value, path);
        }
    }

    private void CheckMap(YamlNode node, FieldSpec field, string path)
    {
        if (node is not YamlMapping mapping)
        {
            Report(FormatDiagnostics.WrongType, node, path, "a mapping of key: column", node.KindName);
            return;
        }
        if (field.MaxItems is { } max && mapping.Entries.Count > max) Report(FormatDiagnostics.TooManyItems, mapping, path, mapping.Entries.Count, max);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is not YamlScalar) Report(FormatDiagnostics.WrongType, entry.Value, $"{path}.{entry.Key.Value}", "text", entry.Value.KindName);
        }
    }

    private void CheckTags(YamlNode node, FieldSpec field, string path)
    {
        if (List(node, field, path) is not { } sequence) return;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            switch (sequence.Items[i])
            {
                case YamlScalar:
                    break;
                case YamlMapping tag:
                    foreach (var entry in tag.Entries.Where(e => e.Value is not YamlScalar))
                        Report(FormatDiagnostics.WrongType, entry.Value, $"{path}[{i}].{entry.Key.Value}", "text", entry.Value.KindName);
                    break;
                case var other:
                    Report(FormatDiagnostics.WrongType, other, $"{path}[{i}]", "text or a mapping of key: text", other.KindName);
                    break;
            }
        }
    }

    private static string Describe(YamlNode node) => node is YamlScalar scalar ? $"'{scalar.Value}'" : node.KindName;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private void Report(DiagnosticDescriptor descriptor, YamlNode at, params object?[] args) =>
        diagnostics.Add(Diagnostic.Create(descriptor, at.Location, args));
}
