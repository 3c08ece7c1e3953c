namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Distances on the sphere the geo functions measure on (geo_distance_2points without use_spheroid,
/// geo_point_in_circle: "the geodetic datum used to measure distance on Earth is a sphere").
/// </summary>
internal static class Sphere
{
    /// <summary>
    /// The sphere's radius in metres. The pages do not state it; 6371010 m is S2's Earth radius (Kusto's geo functions
    /// are built on S2 cells), and it is what the reference's own example gives: geo_distance_2points(-122.407628,
    /// 47.578557, -118.275287, 34.019056) = 1546754.35197381 m is 6371010.000 m times the central angle.
    /// </summary>
    public const double EarthRadiusMeters = 6371010.0;

    /// <summary>The great-circle distance in metres between two points given in degrees.</summary>
    public static double Distance(double lon1, double lat1, double lon2, double lat2) =>
        EarthRadiusMeters * CentralAngle(lon1, lat1, lon2, lat2);

    /// <summary>The angle in radians between two points, as atan2(|a×b|, a·b) of their unit vectors (stable at every distance).</summary>
    public static double CentralAngle(double lon1, double lat1, double lon2, double lat2)
    {
        var (x1, y1, z1) = UnitVector(lon1, lat1);
        var (x2, y2, z2) = UnitVector(lon2, lat2);
        var cx = y1 * z2 - z1 * y2;
        var cy = z1 * x2 - x1 * z2;
        var cz = x1 * y2 - y1 * x2;
        return Math.Atan2(Math.Sqrt(cx * cx + cy * cy + cz * cz), x1 * x2 + y1 * y2 + z1 * z2);
    }

    private static (double X, double Y, double Z) UnitVector(double longitude, double latitude)
    {
        var phi = latitude * Math.PI / 180;
        var lambda = longitude * Math.PI / 180;
        var cosPhi = Math.Cos(phi);
        return (cosPhi * Math.Cos(lambda), cosPhi * Math.Sin(lambda), Math.Sin(phi));
    }
}
