using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Structured text taken apart: parse_url, parse_urlquery, parse_path, parse_command_line, parse_csv, parse_version,
/// parse_xml. Text that does not parse gives what each page says (an empty bag, null, or an empty array).
/// </summary>
internal static class ParsingFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["parse_url"] = Implement.Values(ScalarType.Dynamic, a => ParseUrl(a.Text(0)));
        f["parse_urlquery"] = Implement.Values(ScalarType.Dynamic, a => new JsonObject { ["Query Parameters"] = QueryParameters(a.Text(0)) });
        f["parse_path"] = Implement.Values(ScalarType.Dynamic, a => ParsePath(a.Text(0)));
        f["parse_command_line"] = Implement.Values(ScalarType.Dynamic, a => new JsonArray([.. CommandLine(a.Text(0)).Select(p => (JsonNode?)JsonValue.Create(p))]));
        f["parse_csv"] = Implement.Values(ScalarType.Dynamic, a => new JsonArray([.. Csv(a.Text(0)).Select(p => (JsonNode?)JsonValue.Create(p))]));
        f["parse_version"] = Implement.Values(ScalarType.Decimal, a => Version(a.Text(0)));
        f["parse_xml"] = Implement.Values(ScalarType.Dynamic, a => Xml(a.Text(0)));
    }

    /// <summary>The query part of a URL (with or without '?') as a bag of its unescaped parameters.</summary>
    private static JsonObject QueryParameters(string query)
    {
        var parameters = new JsonObject();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            parameters[Uri.UnescapeDataString(parts[0].Replace('+', ' '))] = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty;
        }

        return parameters;
    }

    private static object? ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)) return new JsonObject();
        var query = QueryParameters(uri.Query);

        var user = uri.UserInfo.Split(':', 2);
        return new JsonObject
        {
            ["Scheme"] = uri.Scheme,
            ["Host"] = uri.Host,
            ["Port"] = uri.IsDefaultPort ? string.Empty : uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Path"] = uri.AbsolutePath,
            ["Username"] = user[0],
            ["Password"] = user.Length > 1 ? user[1] : string.Empty,
            ["Query Parameters"] = query,
            ["Fragment"] = uri.Fragment.TrimStart('#'),
        };
    }

    /// <summary>
    /// parse_path: an optional scheme (file://), a drive root (C:), the directory, the file name and its extension, and
    /// an NTFS alternate data stream after a colon in the file name; '\\' and '/' both separate (parse-path-function.md).
    /// </summary>
    private static object? ParsePath(string text)
    {
        var scheme = string.Empty;
        var rest = text;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd > 0 && text[..schemeEnd].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
        {
            scheme = text[..schemeEnd];
            rest = text[(schemeEnd + 3)..];
        }

        var root = rest.Length >= 2 && char.IsAsciiLetter(rest[0]) && rest[1] == ':' ? rest[..2] : string.Empty;
        var last = rest.LastIndexOfAny(['\\', '/']);
        var file = last >= 0 ? rest[(last + 1)..] : rest;
        var directory = last >= 0 ? rest[..last] : string.Empty;
        var stream = string.Empty;
        var colon = file.IndexOf(':', root.Length > 0 && last < 0 ? 2 : 0);
        if (colon >= 0)
        {
            stream = file[(colon + 1)..];
            file = file[..colon];
        }

        var dot = file.LastIndexOf('.');
        var nameStart = directory.LastIndexOfAny(['\\', '/']) + 1;
        return new JsonObject
        {
            ["Scheme"] = scheme,
            ["RootPath"] = root,
            ["DirectoryPath"] = directory,
            ["DirectoryName"] = directory[nameStart..],
            ["Filename"] = file,
            ["Extension"] = dot >= 0 ? file[(dot + 1)..] : string.Empty,
            ["AlternateDataStreamName"] = stream,
        };
    }

    /// <summary>
    /// Windows command-line rules (CommandLineToArgvW, the parser the page names): spaces and tabs separate arguments
    /// outside double quotes; 2n backslashes before a quote give n backslashes and the quote opens or closes a quoted
    /// part, 2n+1 give n and a literal quote; other backslashes are literal.
    /// </summary>
    private static List<string> CommandLine(string text)
    {
        var arguments = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var started = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\')
            {
                var run = 0;
                while (i < text.Length && text[i] == '\\') { run++; i++; }
                if (i < text.Length && text[i] == '"')
                {
                    current.Append('\\', run / 2);
                    if (run % 2 == 1) current.Append('"');
                    else inQuotes = !inQuotes;
                }
                else
                {
                    current.Append('\\', run);
                    i--;
                }

                started = true;
            }
            else if (c == '"')
            {
                // Inside quotes, "" is a literal quote.
                if (inQuotes && i + 1 < text.Length && text[i + 1] == '"') { current.Append('"'); i++; }
                else inQuotes = !inQuotes;
                started = true;
            }
            else if (!inQuotes && c is ' ' or '\t')
            {
                if (started) arguments.Add(current.ToString());
                current.Clear();
                started = false;
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        if (started) arguments.Add(current.ToString());
        return arguments;
    }

    /// <summary>
    /// One CSV record (RFC 4180): comma-separated fields, a field in double quotes may hold commas and line breaks, ""
    /// inside quotes is a quote; only the first record is read (parse-csv-function.md).
    /// </summary>
    private static List<string> Csv(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') inQuotes = false;
                else field.Append(c);
            }
            else if (c == '"') inQuotes = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r') break;
            else field.Append(c);
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>
    /// parse_version: one to four dot-separated whole numbers of at most 8 digits, as a decimal with 8 digits per part
    /// and missing parts 0 ("1.2.3.4" is 1,00000002,00000003,00000004); anything else is null.
    /// </summary>
    private static object? Version(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length is < 1 or > 4 || parts.Any(p => p.Length is 0 or > 8 || !p.All(char.IsAsciiDigit))) return null;
        decimal value = 0;
        try
        {
            for (var i = 0; i < 4; i++) value = value * 100_000_000m + (i < parts.Length ? decimal.Parse(parts[i], CultureInfo.InvariantCulture) : 0);
        }
        catch (OverflowException)
        {
            return null;
        }

        return value;
    }

    /// <summary>
    /// parse_xml, by the page's conversion table: an element is null when empty, its text when it has only text, else a
    /// bag of "@attribute"s, "#text" and child elements (repeated children become an array); null for text that is not XML.
    /// </summary>
    private static object? Xml(string text)
    {
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        return document.DocumentElement is { } root ? new JsonObject { [root.Name] = Element(root) } : null;
    }

    private static JsonNode? Element(XmlElement element)
    {
        var attributes = element.Attributes.Cast<XmlAttribute>().ToList();
        var children = element.ChildNodes.OfType<XmlElement>().ToList();
        var text = string.Concat(element.ChildNodes.Cast<XmlNode>().Where(n => n is XmlText or XmlCDataSection).Select(n => n.Value)).Trim();
        if (attributes.Count == 0 && children.Count == 0) return text.Length == 0 ? null : JsonValue.Create(text);
        var bag = new JsonObject();
        foreach (var attribute in attributes) bag["@" + attribute.Name] = attribute.Value;
        if (text.Length > 0) bag["#text"] = text;
        foreach (var group in children.GroupBy(c => c.Name))
        {
            var values = group.Select(Element).ToList();
            bag[group.Key] = values.Count == 1 ? values[0] : new JsonArray([.. values]);
        }

        return bag;
    }
}
