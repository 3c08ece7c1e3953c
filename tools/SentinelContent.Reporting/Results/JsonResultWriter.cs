using System.Text;
using System.Text.Json;
using SentinelContent.Kql.Data;

namespace SentinelContent.Reporting.Results;

/// <summary>The machine contract of a result: {"columns":[{"name","type"}],"rows":[[...]]}, values per <see cref="ResultJson"/>.</summary>
public sealed class JsonResultWriter : IResultWriter
{
    public void Write(DataTable result, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, ResultJson.Options(indented: false)))
        {
            json.WriteStartObject();
            ResultJson.WriteColumns(json, result);
            ResultJson.WriteRows(json, result);
            json.WriteEndObject();
        }
        writer.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
