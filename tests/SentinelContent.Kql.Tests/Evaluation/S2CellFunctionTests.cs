using static SentinelContent.Kql.Tests.Evaluation.EngineTestSupport;

namespace SentinelContent.Kql.Tests.Evaluation;

/// <summary>
/// The S2 cell functions against S2's definition (six cube faces: +x at longitude 0, +y at 90, +z the north pole, then
/// the opposite faces; a level-0 cell's token is its face's id) and the rules their reference pages state.
/// </summary>
public sealed class S2CellFunctionTests
{
    [Theory]
    [InlineData(0, 0, "1")]
    [InlineData(90, 0, "3")]
    [InlineData(0, 90, "5")]
    [InlineData(180, 0, "7")]
    [InlineData(-90, 0, "9")]
    [InlineData(0, -90, "b")]
    public void Level_zero_is_the_cube_face(double longitude, double latitude, string token) =>
        Assert.Equal(token, Cell(Invariant($"print geo_point_to_s2cell({longitude}, {latitude}, 0)")));

    [Theory]
    [InlineData("print geo_point_to_s2cell(-80.195829, 25.802215, 8)", "88d9b")]
    [InlineData("print strlen(geo_point_to_s2cell(1, 1, 30))", "16")]
    [InlineData("print strlen(geo_point_to_s2cell(1, 1))", "7")]
    [InlineData("print geo_point_to_s2cell(300, 1, 8)", "")]
    [InlineData("print geo_point_to_s2cell(1, 91, 8)", "")]
    [InlineData("print geo_point_to_s2cell(1, 1, 31)", "")]
    [InlineData("print geo_point_to_s2cell(1, 1, -1)", "")]
    [InlineData("print geo_point_to_s2cell(1, 1, int(null))", "")]
    [InlineData("print geo_point_to_s2cell(real(null), 1, 5)", "")]
    public void Point_to_s2cell(string query, string expected) => Assert.Equal(expected, Cell(query));

    [Theory]
    [InlineData(-80.195829, 25.802215)]
    [InlineData(151.2093, -33.8688)]
    [InlineData(-179.99, 89.5)]
    [InlineData(12.5, -89.9)]
    public void A_cells_center_and_corners_lie_in_the_cell(double longitude, double latitude)
    {
        foreach (var level in new[] { 1, 8, 17, 30 })
        {
            var cell = Cell(Invariant($"print geo_point_to_s2cell({longitude}, {latitude}, {level})"));
            var center = Cell(
                $"print p = geo_s2cell_to_central_point('{cell}')" +
                $" | project geo_point_to_s2cell(todouble(p.coordinates[0]), todouble(p.coordinates[1]), {level})");
            Assert.Equal(cell, center);
            // The polygon closes, and the point of each corner nudged a little toward the center is in the cell.
            var ring = Run(
                $"print c = geo_s2cell_to_central_point('{cell}'), r = geo_s2cell_to_polygon('{cell}')" +
                " | mv-expand v = r.coordinates[0]" +
                " | extend x = todouble(v[0]) * 0.999 + todouble(c.coordinates[0]) * 0.001," +
                " y = todouble(v[1]) * 0.999 + todouble(c.coordinates[1]) * 0.001" +
                $" | project geo_point_to_s2cell(x, y, {level})");
            var corners = Rows(ring);
            Assert.Equal(5, corners.Length);
            // (Large cells have geodesic edges far from the straight line in degrees, leaf cells are too small to nudge into.)
            if (level is 8 or 17) Assert.All(corners, c => Assert.Equal(cell, c));
        }
    }

    [Fact]
    public void Neighbors_are_eight_distinct_cells_of_the_same_level_that_name_the_cell_back()
    {
        var cell = Cell("print geo_point_to_s2cell(-73.96, 40.75, 10)");
        var neighbors = Rows(Run($"print n = geo_s2cell_neighbors('{cell}') | mv-expand n to typeof(string) | project n"));
        Assert.Equal(8, neighbors.Distinct().Count());
        Assert.DoesNotContain(cell, neighbors);
        foreach (var neighbor in neighbors)
        {
            Assert.Equal(cell.Length, neighbor.Length);
            Assert.Contains(cell, Cell($"print geo_s2cell_neighbors('{neighbor}')"));
        }
    }

    [Fact]
    public void Neighbors_cross_cube_faces()
    {
        // The level-0 face 0 cell touches faces 1, 2, 4 and 5 (not its opposite, 3).
        Assert.Equal("[\"3\",\"5\",\"9\",\"b\"]", Cell("print array_sort_asc(geo_s2cell_neighbors('1'))"));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("X")]
    [InlineData("zz")]
    [InlineData("d")]
    [InlineData("10000000000000001")]
    public void An_invalid_token_gives_null(string token)
    {
        Assert.Equal("true", Cell($"print isnull(geo_s2cell_to_central_point('{token}'))"));
        Assert.Equal("true", Cell($"print isnull(geo_s2cell_to_polygon('{token}'))"));
        Assert.Equal("true", Cell($"print isnull(geo_s2cell_neighbors('{token}'))"));
    }
}
