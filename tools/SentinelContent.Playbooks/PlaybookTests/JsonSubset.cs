using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Simulator;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>Whether an actual JSON value has every field an expected value names (objects compared as subsets, arrays item by item).</summary>
public static class JsonSubset
{
    public static string? FirstMismatch(JsonNode? expected, JsonNode? actual, string path = "body")
    {
        switch (expected)
        {
            case JsonObject obj:
                if (actual is not JsonObject actualObject) return $"{path} is {Values.Describe(actual)}, expected an object";
                foreach (var (key, value) in obj)
                {
                    if (!Values.TryGetProperty(actualObject, key, out var child)) return $"{path}.{key} is missing";
                    if (FirstMismatch(value, child, $"{path}.{key}") is { } mismatch) return mismatch;
                }
                return null;
            case JsonArray array:
                if (actual is not JsonArray actualArray || actualArray.Count != array.Count) return $"{path} is {Values.Describe(actual)} ({(actual as JsonArray)?.Count ?? 0} items), expected {array.Count} items";
                for (var i = 0; i < array.Count; i++)
                {
                    if (FirstMismatch(array[i], actualArray[i], $"{path}[{i}]") is { } mismatch) return mismatch;
                }
                return null;
            default:
                return Values.LooseEquals(expected, actual) && (expected is null) == (actual is null) ? null : $"{path} is {Values.Describe(actual)}, expected {Values.Describe(expected)}";
        }
    }
}
