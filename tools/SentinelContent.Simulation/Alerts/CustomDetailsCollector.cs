using SentinelContent.Content.Model;
using SentinelContent.Kql.Data;

namespace SentinelContent.Simulation.Alerts;

/// <summary>
/// Custom details of an alert: for each key, the distinct non-empty values of its column over the alert's
/// rows, in row order, at most 50 (Sentinel's "50 values per detail"). Keys with no value are left out.
/// </summary>
public sealed class CustomDetailsCollector(AnalyticsRule rule, DataTable result)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Collect(IReadOnlyList<int> rows)
    {
        var details = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var detail in rule.CustomDetails)
        {
            if (result.Find(detail.Column.Value) is not { } column) continue;
            var values = new List<string>();
            foreach (var row in rows)
            {
                var value = ValueText.Of(column, row);
                if (value.Length > 0 && !values.Contains(value, StringComparer.Ordinal)) values.Add(value);
                if (values.Count == SentinelLimits.ValuesPerCustomDetail) break;
            }
            if (values.Count > 0) details[detail.Key.Value] = values;
        }
        return details;
    }
}
