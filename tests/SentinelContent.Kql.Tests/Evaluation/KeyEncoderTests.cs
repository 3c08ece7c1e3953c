using System.Text.Json.Nodes;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation.Operators;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>Key codes: equal values share a code, different values never do, whatever their types.</summary>
public sealed class KeyEncoderTests
{
    [Fact]
    public void A_string_and_a_number_in_one_dynamic_column_get_different_codes()
    {
        var column = new DynamicColumn([JsonValue.Create("a"), JsonValue.Create(7L), JsonValue.Create("a"), null]);

        var codes = new KeyEncoder().Encode(column);

        Assert.Equal(codes[0], codes[2]);
        Assert.NotEqual(codes[0], codes[1]);
        Assert.Equal(KeyEncoder.Null, codes[3]);
    }

    [Fact]
    public void Group_codes_are_dense_in_order_of_first_appearance()
    {
        var users = new StringColumn(["u2", "u1", "u2", "u1", "u3"]);
        var hours = new StringColumn(["h1", "h1", "h1", "h2", "h1"]);

        Assert.Equal([0, 1, 0, 2, 3], KeyEncoder.GroupCodes([users, hours], 5));
    }
}
