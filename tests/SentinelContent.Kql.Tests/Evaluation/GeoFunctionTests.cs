using System.Globalization;
using static SentinelContent.Kql.Tests.Evaluation.EngineTestSupport;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// The geo functions against the rules their reference pages state (ranges, nulls, defaults) and against published
/// geohash test vectors (geohash.org / Wikipedia's "Geohash" article: ezs42 is 42.6, -5.6; u4pruydqqvj is 57.64911,
/// 10.40744).
/// </summary>
public sealed class GeoFunctionTests
{
    [Theory]
    [InlineData("print geo_point_to_geohash(-5.6, 42.6)", "ezs42")]
    [InlineData("print geo_point_to_geohash(10.40744, 57.64911, 11)", "u4pruydqqvj")]
    [InlineData("print geo_point_to_geohash(-80.195829, 25.802215, 8)", "dhwfz15h")]
    [InlineData("print strlen(geo_point_to_geohash(1, 1, 18))", "18")]
    [InlineData("print geo_point_to_geohash(180, 90, 3)", "zzz")]
    [InlineData("print geo_point_to_geohash(-180, -90, 3)", "000")]
    // Invalid coordinates, accuracy out of [1, 18] or null: an empty string
    [InlineData("print geo_point_to_geohash(200, 1, 8)", "")]
    [InlineData("print geo_point_to_geohash(1, -91, 8)", "")]
    [InlineData("print geo_point_to_geohash(real(nan), 1)", "")]
    [InlineData("print geo_point_to_geohash(real(null), 1)", "")]
    [InlineData("print geo_point_to_geohash(1, 1, 0)", "")]
    [InlineData("print geo_point_to_geohash(1, 1, 19)", "")]
    [InlineData("print geo_point_to_geohash(1, 1, int(null))", "")]
    public void Point_to_geohash(string query, string expected) => Assert.Equal(expected, Cell(query));

    [Theory]
    [InlineData("ezs42", -5.60302734375, 42.60498046875)]
    [InlineData("sunny", 42.47314453125, 23.70849609375)]
    public void Geohash_to_central_point_is_the_cell_center(string geohash, double longitude, double latitude)
    {
        var text = Cell($"print geo_geohash_to_central_point('{geohash}')");
        var expected = string.Create(CultureInfo.InvariantCulture, $"{{\"type\":\"Point\",\"coordinates\":[{longitude},{latitude}]}}");
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("0123456789bcdefghjk")]
    [InlineData("ezs4i")]
    public void An_invalid_geohash_gives_null(string geohash)
    {
        Assert.Equal("true", Cell($"print isnull(geo_geohash_to_central_point('{geohash}'))"));
        Assert.Equal("true", Cell($"print isnull(geo_geohash_to_polygon('{geohash}'))"));
        Assert.Equal("true", Cell($"print isnull(geo_geohash_neighbors('{geohash}'))"));
    }

    [Fact]
    public void Geohash_polygon_is_the_cell_counter_clockwise_from_south_west()
    {
        var text = Cell("print geo_geohash_to_polygon('dr5ru')");
        Assert.Equal(
            "{\"type\":\"Polygon\",\"coordinates\":[[[-74.00390625,40.7373046875],[-73.9599609375,40.7373046875]," +
            "[-73.9599609375,40.78125],[-74.00390625,40.78125],[-74.00390625,40.7373046875]]]}",
            text);
    }

    [Fact]
    public void Every_neighbor_touches_the_cell_and_has_its_length()
    {
        // Each neighbour's center lies one cell width/height away from the cell's center.
        var rows = Rows(Run(
            "print h = 'sunny' | extend n = geo_geohash_neighbors(h) | mv-expand n to typeof(string)" +
            " | extend c = geo_geohash_to_central_point(h), d = geo_geohash_to_central_point(n)" +
            " | project n, dx = round((todouble(d.coordinates[0]) - todouble(c.coordinates[0])) / 0.0439453125)," +
            " dy = round((todouble(d.coordinates[1]) - todouble(c.coordinates[1])) / 0.0439453125)"));
        Assert.Equal(8, rows.Length);
        Assert.Equal(8, rows.Select(r => r.Split('|')[0]).Distinct().Count());
        Assert.All(rows, r =>
        {
            var parts = r.Split('|');
            Assert.Equal(5, parts[0].Length);
            Assert.InRange(Math.Abs(double.Parse(parts[1], CultureInfo.InvariantCulture)), 0, 1);
            Assert.InRange(Math.Abs(double.Parse(parts[2], CultureInfo.InvariantCulture)), 0, 1);
            Assert.NotEqual("0|0", parts[1] + "|" + parts[2]);
        });
    }

    [Fact]
    public void Neighbors_wrap_at_the_antimeridian_and_stop_at_the_poles()
    {
        // 'z' spans longitude 135..180 and latitude 45..90: its east neighbours are across the antimeridian ('b', ...).
        Assert.Equal("[\"8\",\"b\",\"w\",\"x\",\"y\"]", Cell("print array_sort_asc(geo_geohash_neighbors('z'))"));
    }

    /// <summary>The sphere's radius: the reference's own example divided by its central angle (see Sphere.EarthRadiusMeters).</summary>
    private const double Radius = 6371010.0;

    [Theory]
    [InlineData("print geo_distance_2points(0, 0, 0, 0)", 0)]
    [InlineData("print geo_distance_2points(0, 0, 90, 0)", 90)]
    [InlineData("print geo_distance_2points(0, -90, 0, 90)", 180)]
    [InlineData("print geo_distance_2points(10, 0, 10, 180 - 90)", 90)]
    [InlineData("print geo_distance_2points(179.5, 0, -179.5, 0)", 1)]
    public void Distance_is_the_arc_on_the_sphere(string query, double arcDegrees) =>
        Assert.Equal(arcDegrees * Math.PI / 180 * Radius, double.Parse(Cell(query), CultureInfo.InvariantCulture), 6);

    [Fact]
    public void Distance_matches_the_reference_example() =>
        Assert.Equal(1546754.35197381, double.Parse(
            Cell("print geo_distance_2points(-122.407628, 47.578557, -118.275287, 34.019056)"), CultureInfo.InvariantCulture), 7);

    [Theory]
    [InlineData("print geo_distance_2points(300, 1, 1, 1)")]
    [InlineData("print geo_distance_2points(1, 91, 1, 1)")]
    [InlineData("print geo_distance_2points(1, 1, real(null), 1)")]
    [InlineData("print geo_distance_2points(1, 1, 1, real(-inf))")]
    public void Distance_of_an_invalid_coordinate_is_null(string query) => Assert.Equal("null", Cell(query));

    [Theory]
    [InlineData("print geo_point_in_circle(-122.143564, 47.535677, -122.100896, 47.527351, 3500)", "true")]
    [InlineData("print geo_point_in_circle(-122.137575, 47.630683, -122.100896, 47.527351, 3500)", "false")]
    [InlineData("print geo_point_in_circle(1, 1, 1, 1, 0.001)", "true")]
    // The circle is a cap measured along the sphere: 90° of arc is pi/2 times 6371010 m, 10007559.1 m.
    [InlineData("print geo_point_in_circle(0, 0, 90, 0, 10007560)", "true")]
    [InlineData("print geo_point_in_circle(0, 0, 90, 0, 10007558)", "false")]
    [InlineData("print geo_point_in_circle(200, 1, 1, 1, 1)", "null")]
    [InlineData("print geo_point_in_circle(1, 1, 1, 1, -1)", "null")]
    [InlineData("print geo_point_in_circle(1, 1, 1, 1, 0)", "null")]
    [InlineData("print geo_point_in_circle(1, 1, 1, 1, real(null))", "null")]
    [InlineData("print geo_point_in_circle(1, 1, 1, 95, 10)", "null")]
    public void Point_in_circle(string query, string expected) => Assert.Equal(expected, Cell(query));

    [Theory]
    [InlineData("POINT (1 2)", "{\"type\":\"Point\",\"coordinates\":[1,2]}")]
    [InlineData("LINESTRING (1 2, 3.5 -4)", "{\"type\":\"LineString\",\"coordinates\":[[1,2],[3.5,-4]]}")]
    [InlineData("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
        "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}")]
    [InlineData("MULTIPOINT ((1 1), (2 2))", "{\"type\":\"MultiPoint\",\"coordinates\":[[1,1],[2,2]]}")]
    [InlineData("GEOMETRYCOLLECTION (POINT (1 1), MULTILINESTRING ((1 1, 2 2), (3 3, 4 4)))",
        "{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[1,1]}," +
        "{\"type\":\"MultiLineString\",\"coordinates\":[[[1,1],[2,2]],[[3,3],[4,4]]]}]}")]
    public void From_wkt_gives_geojson(string wkt, string expected) => Assert.Equal(expected, Cell($"print geo_from_wkt('{wkt}')"));

    [Theory]
    [InlineData("LINESTRING")]
    [InlineData("POINT EMPTY")]
    [InlineData("POINT (1)")]
    [InlineData("CIRCLE (1 2, 3)")]
    [InlineData("POINT (200 1)")]
    [InlineData("LINESTRING (1 1, 2 95)")]
    [InlineData("")]
    public void From_wkt_of_invalid_or_unsupported_text_is_null(string wkt) =>
        Assert.Equal("true", Cell($"print isnull(geo_from_wkt('{wkt}'))"));
}
