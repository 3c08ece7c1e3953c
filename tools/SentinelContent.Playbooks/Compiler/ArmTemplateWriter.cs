using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Model;

namespace SentinelContent.Playbooks.Compiler;

/// <summary>
/// Writes the deployable ARM template of a playbook: one Microsoft.Web/connections per connection (managed identity
/// where declared), the Logic App with its system-assigned identity and $connections values, role assignments for the
/// identity on the workspace, and outputs listing what an administrator still has to grant (Graph permissions).
/// </summary>
public static class ArmTemplateWriter
{
    public const string TemplateSchema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
    public const string WorkflowApiVersion = "2017-07-01";
    public const string ConnectionApiVersion = "2016-06-01";
    public const string RoleAssignmentApiVersion = "2022-04-01";
    public const string PlaybookNameParameter = "PlaybookName";
    public const string WorkspaceNameParameter = "WorkspaceName";

    private const string WorkflowId = "[resourceId('Microsoft.Logic/workflows', parameters('PlaybookName'))]";
    private const string PrincipalId = "[reference(resourceId('Microsoft.Logic/workflows', parameters('PlaybookName')), '2017-07-01', 'full').identity.principalId]";

    public static JsonObject Write(Playbook playbook)
    {
        var parameters = new JsonObject
        {
            [PlaybookNameParameter] = new JsonObject { ["type"] = "string", ["defaultValue"] = playbook.Name, ["metadata"] = new JsonObject { ["description"] = "The Logic App's name." } },
        };
        var needsWorkspace = playbook.Roles.Any(r => r.Scope == "workspace");
        if (needsWorkspace)
            parameters[WorkspaceNameParameter] = new JsonObject { ["type"] = "string", ["metadata"] = new JsonObject { ["description"] = "The Microsoft Sentinel (Log Analytics) workspace in this resource group; the playbook's identity gets its roles there." } };
        foreach (var (name, value) in playbook.TemplateParameters ?? []) parameters[name] = value?.DeepClone();

        var variables = new JsonObject();
        foreach (var connection in playbook.Connections) variables[ConnectionVariable(connection)] = $"[concat('{Escape(connection.Key)}-', parameters('PlaybookName'))]";
        foreach (var (name, value) in playbook.TemplateVariables ?? []) variables[name] = value?.DeepClone();

        var resources = new JsonArray();
        foreach (var connection in playbook.Connections) resources.Add(ConnectionResource(connection));
        resources.Add(WorkflowResource(playbook));
        foreach (var role in playbook.Roles) resources.Add(RoleAssignment(role));

        var outputs = new JsonObject();
        if (playbook.SystemAssignedIdentity) outputs["principalId"] = new JsonObject { ["type"] = "string", ["value"] = PrincipalId };
        outputs["roleAssignments"] = new JsonObject { ["type"] = "array", ["value"] = new JsonArray([.. playbook.Roles.Select(r => (JsonNode)new JsonObject { ["role"] = r.Role, ["roleDefinitionId"] = r.RoleId, ["scope"] = r.Scope })]) };
        outputs["graphPermissions"] = new JsonObject { ["type"] = "array", ["value"] = new JsonArray([.. playbook.GraphPermissions.Select(p => (JsonNode)p)]) };

        return new JsonObject
        {
            ["$schema"] = TemplateSchema,
            ["contentVersion"] = "1.0.0.0",
            ["metadata"] = new JsonObject
            {
                ["title"] = playbook.Name,
                ["description"] = playbook.Description ?? string.Empty,
                ["generator"] = "sentinelctl playbook build",
                ["postDeployment"] = new JsonArray([.. PostDeploymentSteps(playbook).Select(s => (JsonNode)s)]),
            },
            ["parameters"] = parameters,
            ["variables"] = variables,
            ["resources"] = resources,
            ["outputs"] = outputs,
        };
    }

    /// <summary>What a plain template cannot do and an administrator must do after deployment (fact sheet §4, §3.4).</summary>
    public static IEnumerable<string> PostDeploymentSteps(Playbook playbook)
    {
        if (playbook.GraphPermissions.Count > 0)
            yield return $"Grant the playbook's managed identity (output principalId) these Microsoft Graph application permissions: {string.Join(", ", playbook.GraphPermissions)} (for example New-MgServicePrincipalAppRoleAssignment).";
        foreach (var connection in playbook.Connections.Where(c => c.Auth == ConnectionAuth.Consent))
            yield return $"Authorise the '{connection.Key}' connection ({connection.Api}) in the portal: it uses a user's consent, not the managed identity.";
    }

    private static string ConnectionVariable(PlaybookConnection connection) => $"connection_{connection.Key}";

    private static string ManagedApiId(string api) =>
        $"[concat('/subscriptions/', subscription().subscriptionId, '/providers/Microsoft.Web/locations/', resourceGroup().location, '/managedApis/{Escape(api)}')]";

    private static JsonObject ConnectionResource(PlaybookConnection connection)
    {
        var properties = new JsonObject
        {
            ["displayName"] = $"[variables('{ConnectionVariable(connection)}')]",
            ["customParameterValues"] = new JsonObject(),
            ["api"] = new JsonObject { ["id"] = ManagedApiId(connection.Api) },
        };
        // "Alternative" is how a connection is told to use the Logic App's managed identity (fact sheet §3.4).
        if (connection.Auth == ConnectionAuth.ManagedIdentity) properties["parameterValueType"] = "Alternative";
        return new JsonObject
        {
            ["type"] = "Microsoft.Web/connections",
            ["apiVersion"] = ConnectionApiVersion,
            ["name"] = $"[variables('{ConnectionVariable(connection)}')]",
            ["location"] = "[resourceGroup().location]",
            ["kind"] = "V1",
            ["properties"] = properties,
        };
    }

    private static JsonObject WorkflowResource(Playbook playbook)
    {
        var connectionValues = new JsonObject();
        foreach (var connection in playbook.Connections)
        {
            var value = new JsonObject
            {
                ["connectionId"] = $"[resourceId('Microsoft.Web/connections', variables('{ConnectionVariable(connection)}'))]",
                ["connectionName"] = $"[variables('{ConnectionVariable(connection)}')]",
                ["id"] = ManagedApiId(connection.Api),
            };
            if (connection.Auth == ConnectionAuth.ManagedIdentity)
                value["connectionProperties"] = new JsonObject { ["authentication"] = new JsonObject { ["type"] = "ManagedServiceIdentity" } };
            connectionValues[connection.Key] = value;
        }
        var parameterValues = new JsonObject();
        if (playbook.Connections.Count > 0) parameterValues["$connections"] = new JsonObject { ["value"] = connectionValues };
        foreach (var (name, value) in playbook.ParameterValues) parameterValues[name] = value?.DeepClone();

        var workflow = new JsonObject
        {
            ["type"] = "Microsoft.Logic/workflows",
            ["apiVersion"] = WorkflowApiVersion,
            ["name"] = "[parameters('PlaybookName')]",
            ["location"] = "[resourceGroup().location]",
            ["tags"] = playbook.Tags.DeepClone(),
        };
        if (playbook.SystemAssignedIdentity) workflow["identity"] = new JsonObject { ["type"] = "SystemAssigned" };
        workflow["dependsOn"] = new JsonArray([.. playbook.Connections.Select(c => (JsonNode)$"[resourceId('Microsoft.Web/connections', variables('{ConnectionVariable(c)}'))]")]);
        workflow["properties"] = new JsonObject
        {
            ["state"] = "Enabled",
            ["definition"] = playbook.Definition.DeepClone(),
            ["parameters"] = parameterValues,
        };
        return workflow;
    }

    private static JsonObject RoleAssignment(RoleRequirement role)
    {
        var onWorkspace = role.Scope == "workspace";
        var assignment = new JsonObject
        {
            ["type"] = "Microsoft.Authorization/roleAssignments",
            ["apiVersion"] = RoleAssignmentApiVersion,
            ["name"] = onWorkspace
                ? $"[guid(resourceId('Microsoft.Logic/workflows', parameters('PlaybookName')), parameters('WorkspaceName'), '{role.RoleId}')]"
                : $"[guid(resourceId('Microsoft.Logic/workflows', parameters('PlaybookName')), resourceGroup().id, '{role.RoleId}')]",
        };
        if (onWorkspace) assignment["scope"] = "[concat('Microsoft.OperationalInsights/workspaces/', parameters('WorkspaceName'))]";
        assignment["dependsOn"] = new JsonArray(WorkflowId);
        assignment["properties"] = new JsonObject
        {
            ["roleDefinitionId"] = $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{role.RoleId}')]",
            ["principalId"] = PrincipalId,
            ["principalType"] = "ServicePrincipal",
        };
        return assignment;
    }

    /// <summary>Single quotes inside an ARM string literal are doubled.</summary>
    private static string Escape(string text) => text.Replace("'", "''", StringComparison.Ordinal);
}
