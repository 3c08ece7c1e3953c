using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Shapes between the forms the geo functions take and give: well-known text (read by NetTopologySuite's WKTReader)
/// and GeoJSON (RFC 7946) as dynamic values, longitude first, in WGS-84 degrees.
/// </summary>
internal static class GeoJson
{
    /// <summary>
    /// The GeoJSON of a WKT text, or null when the text is not WKT, is empty, or has a coordinate outside the WGS-84
    /// ranges (geo_from_wkt: "if the input WKT string is invalid or unsupported, the query produces a null result";
    /// the page interprets coordinates as WGS-84, so a longitude of 200 is invalid: our choice where the page is silent).
    /// </summary>
    public static JsonObject? FromWkt(string wkt)
    {
        Geometry geometry;
        try
        {
            geometry = new WKTReader().Read(wkt);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }

        return geometry.IsEmpty || !InRange(geometry) ? null : From(geometry);
    }

    /// <summary>The GeoJSON object of a geometry (two-dimensional: a Z or M ordinate is dropped).</summary>
    public static JsonObject From(Geometry geometry) => geometry switch
    {
        Point p => Shape("Point", Position(p.Coordinate)),
        LineString l => Shape("LineString", Positions(l.Coordinates)),
        Polygon p => Shape("Polygon", Rings(p)),
        MultiPoint m => Shape("MultiPoint", new JsonArray([.. Parts(m).Select(g => (JsonNode)Position(g.Coordinate))])),
        MultiLineString m => Shape("MultiLineString", new JsonArray([.. Parts(m).Select(g => (JsonNode)Positions(g.Coordinates))])),
        MultiPolygon m => Shape("MultiPolygon", new JsonArray([.. Parts(m).Select(g => (JsonNode)Rings((Polygon)g))])),
        GeometryCollection c => new JsonObject
        {
            ["type"] = "GeometryCollection",
            ["geometries"] = new JsonArray([.. Parts(c).Select(g => (JsonNode)From(g))]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(geometry), geometry.GeometryType, "not a geometry GeoJSON writes"),
    };

    private static bool InRange(Geometry geometry) =>
        geometry.Coordinates.All(c => c.X is >= -180 and <= 180 && c.Y is >= -90 and <= 90);

    private static IEnumerable<Geometry> Parts(GeometryCollection collection) =>
        Enumerable.Range(0, collection.NumGeometries).Select(collection.GetGeometryN);

    private static JsonObject Shape(string type, JsonArray coordinates) => new() { ["type"] = type, ["coordinates"] = coordinates };

    private static JsonArray Position(Coordinate c) => new(c.X, c.Y);

    private static JsonArray Positions(Coordinate[] coordinates) => new([.. coordinates.Select(c => (JsonNode)Position(c))]);

    private static JsonArray Rings(Polygon polygon) =>
        new([(JsonNode)Positions(polygon.Shell.Coordinates), .. polygon.Holes.Select(h => (JsonNode)Positions(h.Coordinates))]);
}
