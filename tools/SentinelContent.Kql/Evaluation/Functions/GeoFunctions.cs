using System.Text.Json.Nodes;
using SentinelContent.Kql.Evaluation.Runtime;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Geospatial functions over WGS-84 longitude/latitude in degrees (longitude in [-180, 180], latitude in [-90, 90];
/// anything else, null or not finite, is an invalid coordinate). Geohash cells: <see cref="Geohash"/>; distances on a
/// sphere: <see cref="Sphere"/>. Results as the reference pages state them: GeoJSON (RFC 7946, longitude first) as
/// dynamic, and an invalid argument gives null (an empty string for geo_point_to_geohash).
/// </summary>
internal static class GeoFunctions
{
    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["geo_point_to_geohash"] = Implement.Values(ScalarType.String, PointToGeohash);
        f["geo_geohash_to_central_point"] =
            Implement.Values(ScalarType.Dynamic, a => Cell(a) is { } c ? Point(c.CenterLongitude, c.CenterLatitude) : null);
        f["geo_geohash_to_polygon"] = Implement.Values(ScalarType.Dynamic, a => Cell(a) is { } c ? Rectangle(c) : null);
        f["geo_geohash_neighbors"] = Implement.Values(ScalarType.Dynamic, GeohashNeighbors);
        f["geo_distance_2points"] = Implement.WithSite(ScalarType.Real, Distance);
        f["geo_point_in_circle"] = Implement.Values(ScalarType.Bool, PointInCircle);
        f["geo_point_to_s2cell"] = Implement.Values(ScalarType.String, PointToS2Cell);
        f["geo_s2cell_to_central_point"] = Implement.Values(ScalarType.Dynamic, a => S2Id(a) is { } id ? S2Center(id) : null);
        f["geo_s2cell_to_polygon"] = Implement.Values(ScalarType.Dynamic, a => S2Id(a) is { } id ? S2Polygon(id) : null);
        f["geo_s2cell_neighbors"] = Implement.Values(ScalarType.Dynamic, a => S2Id(a) is { } id ? S2Neighbors(id) : null);
        f["geo_from_wkt"] = Implement.Values(ScalarType.Dynamic, a => a.Arg(0) is null ? null : GeoJson.FromWkt(a.Text(0)));
    }

    /// <summary>A longitude in [-180, 180], or null.</summary>
    public static double? Longitude(object?[] a, int index) =>
        KqlValue.ToReal(a.Arg(index)) is { } value && value is >= -180 and <= 180 ? value : null;

    /// <summary>A latitude in [-90, 90], or null.</summary>
    public static double? Latitude(object?[] a, int index) =>
        KqlValue.ToReal(a.Arg(index)) is { } value && value is >= -90 and <= 90 ? value : null;

    /// <summary>A GeoJSON point.</summary>
    public static JsonObject Point(double longitude, double latitude) =>
        new() { ["type"] = "Point", ["coordinates"] = new JsonArray(longitude, latitude) };

    /// <summary>
    /// geo_point_to_geohash(longitude, latitude[, accuracy]): accuracy 1 to 18, 5 when omitted; an invalid coordinate or
    /// accuracy (null included) gives "" (https://learn.microsoft.com/kusto/query/geo-point-to-geohash-function).
    /// </summary>
    private static object? PointToGeohash(object?[] a)
    {
        var accuracy = a.Length > 2 ? KqlValue.ToLong(a.Arg(2)) : 5;
        if (Longitude(a, 0) is not { } longitude || Latitude(a, 1) is not { } latitude) return string.Empty;
        if (accuracy is not { } length || length is < Geohash.MinLength or > Geohash.MaxLength) return string.Empty;
        return Geohash.Encode(longitude, latitude, (int)length);
    }

    /// <summary>The cell of a geohash argument; null for an invalid geohash (the pages: "the query will produce a null result").</summary>
    private static Geohash.Cell? Cell(object?[] a) => a.Arg(0) is null ? null : Geohash.Decode(a.Text(0));

    /// <summary>
    /// geo_geohash_to_polygon: the cell's rectangle, counter-clockwise from its south-west corner, as the page's example
    /// geo_geohash_to_polygon("dr5ru") shows (https://learn.microsoft.com/kusto/query/geo-geohash-to-polygon-function).
    /// </summary>
    private static JsonObject Rectangle(Geohash.Cell c)
    {
        var ring = new JsonArray(
            new JsonArray(c.West, c.South), new JsonArray(c.East, c.South), new JsonArray(c.East, c.North),
            new JsonArray(c.West, c.North), new JsonArray(c.West, c.South));
        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) };
    }

    /// <summary>geo_geohash_neighbors (https://learn.microsoft.com/kusto/query/geo-geohash-neighbors-function).</summary>
    private static object? GeohashNeighbors(object?[] a)
    {
        if (Cell(a) is not { } cell) return null;
        var neighbors = new JsonArray();
        foreach (var neighbor in Geohash.Neighbors(a.Text(0), cell)) neighbors.Add(neighbor);
        return neighbors;
    }

    /// <summary>
    /// geo_distance_2points(lon1, lat1, lon2, lat2[, use_spheroid]): metres on the sphere, null for an invalid coordinate
    /// (https://learn.microsoft.com/kusto/query/geo-distance-2points-function).
    /// </summary>
    private static object? Distance(CallSite site, QueryContext context, object?[] a)
    {
        if (Longitude(a, 0) is not { } lon1 || Latitude(a, 1) is not { } lat1) return null;
        if (Longitude(a, 2) is not { } lon2 || Latitude(a, 3) is not { } lat2) return null;
        if (a.Length > 4 && KqlValue.ToBool(a.Arg(4)) == true)
            throw site.Error("geo_distance_2points with use_spheroid = true (distance on the WGS-84 spheroid) is not implemented yet");
        return Sphere.Distance(lon1, lat1, lon2, lat2);
    }

    /// <summary>
    /// geo_point_in_circle(lon, lat, center_lon, center_lat, radius): whether the point lies in the spherical cap of that
    /// radius in metres (measured along the sphere); null for an invalid coordinate or a radius that is not positive
    /// (https://learn.microsoft.com/kusto/query/geo-point-in-circle-function).
    /// </summary>
    private static object? PointInCircle(object?[] a)
    {
        if (Longitude(a, 0) is not { } lon || Latitude(a, 1) is not { } lat) return null;
        if (Longitude(a, 2) is not { } centerLon || Latitude(a, 3) is not { } centerLat) return null;
        if (KqlValue.ToReal(a.Arg(4)) is not { } radius || !(radius > 0) || double.IsInfinity(radius)) return null;
        return Sphere.Distance(lon, lat, centerLon, centerLat) <= radius;
    }

    /// <summary>
    /// geo_point_to_s2cell(longitude, latitude[, level]): level 0 to 30, 11 when omitted; an invalid coordinate or level
    /// (null included) gives "" (https://learn.microsoft.com/kusto/query/geo-point-to-s2cell-function).
    /// </summary>
    private static object? PointToS2Cell(object?[] a)
    {
        var level = a.Length > 2 ? KqlValue.ToLong(a.Arg(2)) : 11;
        if (Longitude(a, 0) is not { } longitude || Latitude(a, 1) is not { } latitude) return string.Empty;
        if (level is not { } l || l is < 0 or > S2Cell.MaxLevel) return string.Empty;
        return S2Cell.ToToken(S2Cell.FromLatLng(longitude, latitude, (int)l));
    }

    /// <summary>The cell of an S2 token argument; null for an invalid token (the pages: "the query will produce a null result").</summary>
    private static ulong? S2Id(object?[] a) => a.Arg(0) is null ? null : S2Cell.FromToken(a.Text(0));

    /// <summary>geo_s2cell_to_central_point (https://learn.microsoft.com/kusto/query/geo-s2cell-to-central-point-function).</summary>
    private static JsonObject S2Center(ulong id)
    {
        var (longitude, latitude) = S2Cell.Center(id);
        return Point(longitude, latitude);
    }

    /// <summary>
    /// geo_s2cell_to_polygon: the cell's four corners and the first again; its edges are geodesics
    /// (https://learn.microsoft.com/kusto/query/geo-s2cell-to-polygon-function).
    /// </summary>
    private static JsonObject S2Polygon(ulong id)
    {
        var corners = S2Cell.Vertices(id);
        var ring = new JsonArray();
        foreach (var (longitude, latitude) in corners.Append(corners[0])) ring.Add(new JsonArray(longitude, latitude));
        return new JsonObject { ["type"] = "Polygon", ["coordinates"] = new JsonArray(ring) };
    }

    /// <summary>geo_s2cell_neighbors (https://learn.microsoft.com/kusto/query/geo-s2cell-neighbors-function).</summary>
    private static JsonArray S2Neighbors(ulong id)
    {
        var neighbors = new JsonArray();
        foreach (var neighbor in S2Cell.Neighbors(id)) neighbors.Add(S2Cell.ToToken(neighbor));
        return neighbors;
    }
}
