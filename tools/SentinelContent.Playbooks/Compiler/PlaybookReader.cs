using SentinelContent.Format;
using System.Text.Json.Nodes;
using SentinelContent.Core.Diagnostics;
using SentinelContent.Core.Input;
using SentinelContent.Core.Text;
using SentinelContent.Core.Yaml;
using SentinelContent.Playbooks.Diagnostics;
using SentinelContent.Playbooks.Format;
using SentinelContent.Playbooks.Json;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Playbooks.Compiler;

/// <summary>
/// Reads a playbook YAML file and compiles it into a <see cref="Playbook"/>: the WDL definition plus what the
/// ARM template needs. Shape problems are reported against the YAML; reference and limit checks run on the result
/// (see <see cref="Validation.PlaybookValidator"/>).
/// </summary>
public static class PlaybookReader
{
    private static readonly string[] ParameterTypes = ["String", "SecureString", "Int", "Float", "Bool", "Array", "Object", "SecureObject"];

    public static Playbook? ReadFile(string path, IList<Diagnostic> diagnostics)
    {
        var source = SourceFileReader.ReadContent(path, diagnostics);
        return source is null ? null : Read(source, diagnostics);
    }

    public static Playbook? Read(SourceText source, IList<Diagnostic> diagnostics)
    {
        var root = YamlReader.Read(source, diagnostics);
        if (root is null) return null;
        var before = diagnostics.Count;
        new FormatChecker(diagnostics, RequiredFor.All).CheckObject(root, PlaybookFormat.Root, string.Empty);
        if (root is not YamlMapping mapping) return null;
        if (diagnostics.Skip(before).Any(d => d.Descriptor == FormatDiagnostics.RequiredField)) return null;

        var map = new SourceMap { Path = source.Path };
        var nameNode = (YamlScalar)mapping["name"]!;
        var name = nameNode.Value;
        if (!PlaybookFormat.IsValidLogicAppName(name))
        {
            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidPlaybookName, nameNode.Location, TerminalText.Escape(name)));
            return null;
        }
        var connections = ReadConnections(mapping["connections"], diagnostics);
        var parameterValues = new JsonObject();
        var definition = new JsonObject
        {
            ["$schema"] = WorkflowNames.DefinitionSchema,
            ["contentVersion"] = WorkflowNames.ContentVersion,
            ["parameters"] = ReadParameters(mapping["parameters"], connections.Count > 0, parameterValues, map, diagnostics),
            ["triggers"] = TriggerCompiler.Compile(mapping["trigger"]!, map, diagnostics),
            ["actions"] = new ActionCompiler(map, diagnostics).CompileList(mapping["actions"], "actions", checkShape: false),
            ["outputs"] = mapping["outputs"] is { } outputs && !YamlValues.IsAbsent(outputs) ? YamlToJson.Convert(outputs, map) : new JsonObject(),
        };
        if (mapping["staticResults"] is { } staticResults && !YamlValues.IsAbsent(staticResults)) definition["staticResults"] = YamlToJson.Convert(staticResults, map);
        map.Record(definition, mapping);

        var template = mapping["template"] as YamlMapping;
        return new Playbook(
            name,
            YamlValues.Text(mapping["description"])?.Value,
            definition,
            connections,
            YamlValues.Text(mapping["identity"])?.Value != "none",
            ReadRoles(mapping["roles"]),
            [.. YamlValues.TextList(mapping["graphPermissions"]).Select(p => p.Value)],
            parameterValues,
            mapping["tags"] is YamlMapping tags ? (JsonObject)YamlToJson.Convert(tags, map)! : [],
            template?["parameters"] is YamlMapping p ? (JsonObject)YamlToJson.Convert(p, map)! : null,
            template?["variables"] is YamlMapping v ? (JsonObject)YamlToJson.Convert(v, map)! : null,
            map);
    }

    private static List<PlaybookConnection> ReadConnections(YamlNode? node, IList<Diagnostic> diagnostics)
    {
        var connections = new List<PlaybookConnection>();
        if (YamlValues.IsAbsent(node)) return connections;
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidConnection, node!.Location, "connections must be a mapping KEY: {api, auth}"));
            return connections;
        }
        foreach (var entry in mapping.Entries)
        {
            var api = entry.Key.Value;
            var auth = ConnectionAuth.ManagedIdentity;
            if (entry.Value is YamlMapping fields)
            {
                foreach (var field in fields.Entries)
                {
                    var text = (field.Value as YamlScalar)?.Value ?? string.Empty;
                    switch (field.Key.Value)
                    {
                        case "api" when text.Length > 0: api = text; break;
                        case "auth" when text == "managedIdentity": auth = ConnectionAuth.ManagedIdentity; break;
                        case "auth" when text == "consent": auth = ConnectionAuth.Consent; break;
                        default:
                            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidConnection, field.Key.Location,
                                $"'{field.Key.Value}: {text}' is not valid here; a connection has api: NAME and auth: managedIdentity|consent"));
                            break;
                    }
                }
            }
            else if (!YamlValues.IsAbsent(entry.Value))
            {
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidConnection, entry.Value.Location, $"the connection '{entry.Key.Value}' must be a mapping {{api, auth}}"));
            }
            connections.Add(new PlaybookConnection(entry.Key.Value, api, auth, entry.Key.Location));
        }
        return connections;
    }

    private static JsonObject ReadParameters(YamlNode? node, bool withConnections, JsonObject values, SourceMap map, IList<Diagnostic> diagnostics)
    {
        var parameters = new JsonObject();
        if (withConnections) parameters[WorkflowNames.ConnectionsParameter] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" };
        if (YamlValues.IsAbsent(node)) return parameters;
        map.Record(parameters, node!);
        if (node is not YamlMapping mapping)
        {
            diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidParameter, node!.Location, "parameters must be a mapping NAME: {type, defaultValue}"));
            return parameters;
        }
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is not YamlMapping fields || fields["type"] is not YamlScalar type)
            {
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidParameter, entry.Value.Location, $"the parameter '{entry.Key.Value}' needs a type ({string.Join(", ", ParameterTypes)})"));
                continue;
            }
            if (!ParameterTypes.Contains(type.Value, StringComparer.OrdinalIgnoreCase))
                diagnostics.Add(Diagnostic.Create(PlaybookDiagnostics.InvalidParameter, type.Location, $"'{type.Value}' is not a parameter type; use one of {string.Join(", ", ParameterTypes)}"));
            var parameter = new JsonObject();
            map.Record(parameter, fields);
            foreach (var field in fields.Entries)
            {
                if (field.Key.Value == "value") values[entry.Key.Value] = new JsonObject { ["value"] = YamlToJson.Convert(field.Value, map) };
                else parameter[field.Key.Value] = YamlToJson.Convert(field.Value, map);
            }
            parameters[entry.Key.Value] = parameter;
        }
        return parameters;
    }

    private static List<RoleRequirement> ReadRoles(YamlNode? node) =>
        [.. YamlValues.Mappings(node)
            .Select(m => (Role: RoleCatalog.Find(YamlValues.Text(m["role"])?.Value ?? string.Empty), Scope: YamlValues.Text(m["scope"])?.Value ?? "workspace"))
            .Where(r => r.Role is not null)
            .Select(r => new RoleRequirement(r.Role!.Name, r.Role.Id, r.Scope))];
}
