using System.Text.Json.Nodes;
using SentinelContent.Playbooks.Simulator;

namespace SentinelContent.Playbooks.PlaybookTests;

/// <summary>A mock: a call pattern and the answer. The first mock that matches a call answers it.</summary>
public sealed record Mock(CallPattern Pattern, int Status, JsonNode? Body);

/// <summary>The outside world of one test: only its mocks answer; anything else is unanswered and fails the test.</summary>
public sealed class MockWorld(IReadOnlyList<Mock> mocks) : IOutsideWorld
{
    public CallResponse? Answer(OutboundCall call)
    {
        var mock = mocks.FirstOrDefault(m => m.Pattern.Matches(call));
        return mock is null ? null : new CallResponse(mock.Status, mock.Body?.DeepClone());
    }
}
