using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SentinelContent.Emulator;

/// <summary>
/// The ARM operations on SecurityInsights resources and on a resource group's Logic Apps and API connections, with ARM's behaviour: api-version required, PUT as
/// create-or-update (201 then 200) with ETag preconditions (If-Match, If-None-Match: *, and the body's
/// etag) answered 412 on mismatch, GET, list with nextLink paging, DELETE (200, or 204 when already gone),
/// and ARM's error body everywhere.
/// </summary>
public sealed class ArmEndpoints(ResourceStore store, EmulatorOptions options, EmulatorStatistics statistics)
{
    public async Task Handle(HttpContext context)
    {
        var apiVersion = context.Request.Query["api-version"].ToString();
        if (apiVersion.Length == 0)
        {
            await ArmErrors.Write(context, 400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
            return;
        }
        var path = ArmPath.Parse(context.Request.Path.Value ?? string.Empty);
        if (path is null)
        {
            await ArmErrors.Write(context, 404, "InvalidResourceType", $"The resource type could not be found for path '{context.Request.Path}'.");
            return;
        }
        var supported = options.ApiVersions.TryGetValue(path.Provider, out var versions) ? versions : [];
        if (!supported.Contains(apiVersion))
        {
            await ArmErrors.Write(context, 400, "InvalidApiVersionParameter", $"The api-version '{apiVersion}' is invalid for the resource type '{path.Type}'. The supported versions are '{string.Join("', '", supported)}'.");
            return;
        }

        var method = context.Request.Method;
        if (path.Name is null)
        {
            if (HttpMethods.IsGet(method)) await List(context, path, apiVersion);
            else await ArmErrors.Write(context, 405, "MethodNotAllowed", $"The method '{method}' is not allowed on a collection.");
        }
        else if (HttpMethods.IsGet(method)) await Get(context, path);
        else if (HttpMethods.IsPut(method)) await Put(context, path);
        else if (HttpMethods.IsDelete(method)) await Delete(context, path);
        else await ArmErrors.Write(context, 405, "MethodNotAllowed", $"The method '{method}' is not allowed.");
    }

    private async Task Get(HttpContext context, ArmPath path)
    {
        var resource = store.Get(path.Scope, path.Collection, path.Name!);
        if (resource is null)
        {
            await NotFound(context, path);
            return;
        }
        context.Response.Headers.ETag = resource.ETag;
        await WriteJson(context, 200, ResourceShapes.Present(path.Collection, resource.Body));
    }

    private async Task List(HttpContext context, ArmPath path, string apiVersion)
    {
        var token = context.Request.Query["$skipToken"].ToString();
        string? after = null;
        if (token.Length > 0)
        {
            try { after = Encoding.UTF8.GetString(Convert.FromBase64String(token)); }
            catch (FormatException)
            {
                await ArmErrors.Write(context, 400, "InvalidSkipToken", "The $skipToken is not valid.");
                return;
            }
        }
        var (items, last) = store.List(path.Scope, path.Collection, after, options.PageSize);
        var page = new JsonObject { ["value"] = new JsonArray([.. items.Select(i => JsonNode.Parse(ResourceShapes.Present(path.Collection, i.Body)))]) };
        if (last is not null)
        {
            var request = context.Request;
            var next = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?api-version={Uri.EscapeDataString(apiVersion)}&$skipToken={Uri.EscapeDataString(Convert.ToBase64String(Encoding.UTF8.GetBytes(last)))}";
            page["nextLink"] = next;
        }
        await WriteJson(context, 200, page.ToJsonString());
    }

    private async Task Put(HttpContext context, ArmPath path)
    {
        var (read, readStatus, readProblem) = await RequestJson.ReadObjectAsync(context);
        if (read is not { } body)
        {
            await ArmErrors.Write(context, readStatus, readStatus == 413 ? "RequestEntityTooLarge" : "InvalidRequestContent", readProblem!);
            return;
        }
        if (body["etag"] is { } etagNode && RequestJson.Text(etagNode) is null)
        {
            await ArmErrors.Write(context, 400, "InvalidRequestContent", "The request content was invalid: 'etag' must be a string.");
            return;
        }
        if (ResourceValidation.Problem(path.Collection, body) is { } problem)
        {
            await ArmErrors.Write(context, 400, "BadRequest", problem);
            return;
        }
        if (path.Collection == "automationRules" && ResourceValidation.PlaybookReferenceProblem(body, store) is { } reference)
        {
            await ArmErrors.Write(context, 400, "BadRequest", reference);
            return;
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        var bodyETag = RequestJson.Text(body["etag"]);
        var name = path.Name!;
        var (status, stored) = await store.UpdateAsync<(int, StoredResource?)>(path.Scope, path.Collection, name, current =>
        {
            if (ifNoneMatch == "*" && current is not null) return (null, false, (412, (StoredResource?)null));
            if (ifMatch.Length > 0 && ifMatch != "*" && (current is null || ifMatch != current.ETag)) return (null, false, (412, null));
            if (ifMatch == "*" && current is null) return (null, false, (412, null));
            if (bodyETag is not null && current is not null && bodyETag != current.ETag) return (null, false, (412, null));

            var etag = $"\"{Guid.NewGuid()}\"";
            var resourceName = current?.Name ?? name;
            var result = ResourceShapes.Shape(path, resourceName, body, current is null ? null : JsonNode.Parse(current.Body) as JsonObject, etag);
            var written = new StoredResource(resourceName, etag, result.ToJsonString());
            return (written, false, (current is null ? 201 : 200, written));
        });
        if (status == 412)
        {
            await ArmErrors.Write(context, 412, "PreconditionFailed", $"The resource '{name}' was changed: the ETag in the request does not match the current one.");
            return;
        }
        statistics.Committed();
        context.Response.Headers.ETag = stored!.ETag;
        await WriteJson(context, status, ResourceShapes.Present(path.Collection, stored.Body));
    }

    private async Task Delete(HttpContext context, ArmPath path)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        var status = await store.UpdateAsync<int>(path.Scope, path.Collection, path.Name!, current =>
        {
            if (current is null) return (null, false, 204);
            if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != current.ETag) return (null, false, 412);
            return (null, true, 200);
        });
        if (status == 412)
        {
            await ArmErrors.Write(context, 412, "PreconditionFailed", $"The resource '{path.Name}' was changed: the ETag in the request does not match the current one.");
            return;
        }
        if (status == 200) statistics.Committed();
        context.Response.StatusCode = status;
    }

    private static Task NotFound(HttpContext context, ArmPath path) =>
        ArmErrors.Write(context, 404, "NotFound", $"The resource '{path.Collection}/{path.Name}' was not found in '{path.Scope}'.");

    private static Task WriteJson(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json);
    }
}
