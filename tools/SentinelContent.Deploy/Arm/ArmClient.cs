using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SentinelContent.Deploy.Arm;

/// <summary>
/// The few ARM REST operations the deployer needs: GET, list with nextLink paging, PUT with ETag
/// preconditions, DELETE. Errors become <see cref="ArmRequestException"/> with ARM's code and message.
/// </summary>
public sealed class ArmClient(HttpPipeline pipeline, Uri endpoint, RequestStatistics statistics)
{
    /// <summary>Safety bound on paging, so a server that keeps returning nextLink cannot loop us forever.</summary>
    private const int MaxPages = 10_000;

    public Uri Endpoint { get; } = endpoint;

    public RequestStatistics Statistics { get; } = statistics;

    public async Task<ArmResource?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var message = Create(RequestMethod.Get, UriFor(path));
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status == 404) return null;
        EnsureSuccess(message, path);
        return ArmResource.FromJson(ParseObject(message));
    }

    public async Task<IReadOnlyList<ArmResource>> ListAsync(string collectionPath, CancellationToken cancellationToken)
    {
        var items = new List<ArmResource>();
        Uri? next = UriFor(collectionPath);
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages) throw new InvalidOperationException($"GET {collectionPath}: more than {MaxPages} pages; giving up.");
            using var message = Create(RequestMethod.Get, next);
            await SendAsync(message, cancellationToken).ConfigureAwait(false);
            EnsureSuccess(message, collectionPath);
            var body = ParseObject(message);
            foreach (var item in body["value"] as JsonArray ?? [])
            {
                if (item is JsonObject resource) items.Add(ArmResource.FromJson((JsonObject)resource.DeepClone()));
            }
            next = NextLink(body, collectionPath);
        }
        return items;
    }

    /// <summary>
    /// Creates or replaces a resource. <paramref name="ifMatch"/> = the ETag the plan saw (update) or "*"
    /// with <paramref name="mustNotExist"/> for a create, so a concurrent change is refused with 412 instead of overwritten.
    /// </summary>
    public async Task<ArmResource> PutAsync(string path, JsonObject body, string? ifMatch, bool mustNotExist, CancellationToken cancellationToken)
    {
        using var message = Create(RequestMethod.Put, UriFor(path));
        if (ifMatch is not null) message.Request.Headers.SetValue("If-Match", ifMatch);
        if (mustNotExist) message.Request.Headers.SetValue("If-None-Match", "*");
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(body));
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        EnsureSuccess(message, path);
        return ArmResource.FromJson(ParseObject(message));
    }

    /// <summary>Deletes a resource; a resource that is already gone counts as deleted (a retried DELETE converges).</summary>
    public async Task DeleteAsync(string path, string? ifMatch, CancellationToken cancellationToken)
    {
        using var message = Create(RequestMethod.Delete, UriFor(path));
        if (ifMatch is not null) message.Request.Headers.SetValue("If-Match", ifMatch);
        await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (message.Response.Status == 404) return;
        EnsureSuccess(message, path);
    }

    private HttpMessage Create(RequestMethod method, Uri uri)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("Accept", "application/json");
        return message;
    }

    /// <summary>Sends through the pipeline; a network failure that outlasts the retries is <see cref="EndpointUnreachableException"/> (<see cref="ArmRetryPolicy"/>).</summary>
    private Task SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        pipeline.SendAsync(message, cancellationToken).AsTask();

    private Uri UriFor(string path) => new(Endpoint, $"{path}?api-version={ArmApiVersions.For(path)}");

    /// <summary>ARM's nextLink is absolute; it must point back at the same endpoint, or our token would go elsewhere.</summary>
    private Uri? NextLink(JsonObject body, string path)
    {
        if (body["nextLink"]?.GetValue<string>() is not { Length: > 0 } link) return null;
        var next = new Uri(link, UriKind.Absolute);
        if (Uri.Compare(next, Endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            throw new ArmRequestException(0, "InvalidNextLink", "the nextLink points to another host; refusing to follow it", "GET", path);
        return next;
    }

    private static JsonObject ParseObject(HttpMessage message) =>
        JsonNode.Parse(message.Response.Content.ToMemory().Span) as JsonObject ?? throw new JsonException("ARM answered with JSON that is not an object.");

    private static void EnsureSuccess(HttpMessage message, string path)
    {
        var status = message.Response.Status;
        if (status is >= 200 and < 300) return;
        var (code, text) = ParseError(message.Response);
        throw new ArmRequestException(status, code, text, message.Request.Method.ToString(), path);
    }

    /// <summary>ARM's error body: {"error":{"code":"...","message":"..."}}; anything else is summarised by status.</summary>
    internal static (string Code, string Message) ParseError(Response response)
    {
        try
        {
            if (JsonNode.Parse(response.Content.ToMemory().Span)?["error"] is JsonObject error)
                return (error["code"]?.GetValue<string>() ?? "Unknown", error["message"]?.GetValue<string>() ?? string.Empty);
        }
        catch (JsonException)
        {
        }
        return ($"Http{response.Status}", response.ReasonPhrase);
    }
}
