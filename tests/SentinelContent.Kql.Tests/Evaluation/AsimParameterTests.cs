using System.Globalization;
using SentinelContent.Kql.Data;
using SentinelContent.Kql.Evaluation;
using SentinelContent.Kql.Evaluation.Asim;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// Every filtering parameter of every schema in the catalog, run: two rows for the parser's schema, one that the
/// parameter's documented meaning (AsimFilters, docs/asim-catalog.md) keeps and one it drops, written into the columns
/// the meaning names; the call with the parameter must return exactly the first, and without it both. A parameter the
/// runner ignored, or read from another column, fails here.
/// </summary>
public sealed class AsimParameterTests
{
    private static readonly DateTime Now = EngineTestSupport.Now;

    public static TheoryData<string, string> Parameters()
    {
        var data = new TheoryData<string, string>();
        foreach (var schema in AsimCatalog.Default.Schemas)
        {
            foreach (var parameter in schema.Parameters)
            {
                if (AsimFilters.For(schema.Name, parameter.Name) is { Match: not (AsimMatch.None or AsimMatch.Disabled) })
                    data.Add(schema.Name, parameter.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Each_parameter_keeps_the_row_its_meaning_selects(string schemaName, string parameterName)
    {
        var schema = AsimCatalog.Default.Schema(schemaName)!;
        var (match, columns) = AsimFilters.For(schemaName, parameterName)!.Value;
        var (kept, dropped, argument) = Case(match, schema.Name);
        var table = Rows(schema, columns[0], kept, dropped);
        var parser = $"_Im_{schemaName}";
        // Without the parameter both rows come back, except Dns eventtype, whose default ('lookup') is itself a filter.
        var all = new KqlEngine().Run($"{parser} | count", table, Now, TestContext.Current.CancellationToken);
        Assert.Equal(match == AsimMatch.DnsEventType ? 1L : 2L, KqlValue.Get(all.Columns[0], 0));

        var query = $"{parser}({parameterName}={argument}) | project Marker = EventMessage";
        var result = new KqlEngine().Run(query, table, Now, TestContext.Current.CancellationToken);
        Assert.Equal(["kept"], EngineTestSupport.Rows(result));
    }

    /// <summary>The value of the kept row, of the dropped row, and the argument, per kind of meaning.</summary>
    private static (object Kept, object Dropped, string Argument) Case(AsimMatch match, string schema) => match switch
    {
        AsimMatch.AtOrAfter => (Now.AddHours(-1), Now.AddHours(-3), "ago(2h)"),
        AsimMatch.AtOrBefore => (Now.AddHours(-3), Now.AddHours(-1), "ago(2h)"),
        AsimMatch.HasAny => ("alpha.example beta", "gamma delta", "dynamic(['beta', 'omega'])"),
        AsimMatch.HasAll => ("alpha beta gamma", "alpha delta", "dynamic(['alpha', 'gamma'])"),
        AsimMatch.InList => ("Beta", "Betamax", "dynamic(['alpha', 'beta'])"),
        AsimMatch.IpPrefix => ("to 10.1.2.3 now", "to 110.1.2.3 now", "dynamic(['10.1.'])"),
        AsimMatch.Equals => ("Wanted", "Other", "'wanted'"),
        AsimMatch.HasAddress => ("answer 192.0.2.7;", "answer 192.0.2.70;", "'192.0.2.7'"),
        AsimMatch.NumberEquals => (443, 80, "443"),
        AsimMatch.DnsEventType => ("Query", "ZoneTransfer", "'lookup'"),
        _ => throw new ArgumentOutOfRangeException(nameof(match), match, schema),
    };

    /// <summary>
    /// Two rows of the schema's sample table: the filtered column set to each value, EventMessage marking which is which,
    /// and the columns other filters read by default set so that defaults keep both (Dns keeps lookups: EventType Query).
    /// </summary>
    private static Dictionary<string, DataTable> Rows(AsimSchema schema, string column, object kept, object dropped)
    {
        var columns = new List<(string Name, Column Column)>();
        void Add(string name, object? first, object? second) =>
            columns.Add((name, ColumnFactory.FromValues(schema.Table.Find(name)!.Type, [first, second])));
        var time = Now.AddHours(-1);
        if (column != "TimeGenerated") Add("TimeGenerated", time, time);
        if (column != "EventMessage") Add("EventMessage", "kept", "dropped");
        if (schema.Name == "Dns" && column != "EventType") Add("EventType", "Query", "Query");
        if (schema.Name == "ProcessEvent" && column != "EventType") Add("EventType", "ProcessCreated", "ProcessCreated");
        Add(column, Convert(kept), Convert(dropped));
        var table = SentinelContent.Kql.Evaluation.Runtime.Tables.From(columns, schema.SampleTableName);
        return new() { [schema.SampleTableName] = table };
    }

    private static object Convert(object value) => value is int number ? (long)number : value is DateTime or string ? value
        : System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
