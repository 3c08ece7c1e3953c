namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// Geohash cell math (the public-domain geohash.org scheme): a cell is a rectangle in longitude/latitude, each base-32
/// character adds five bits that halve it alternately in longitude and latitude, longitude first. Used by
/// geo_point_to_geohash, geo_geohash_to_central_point, geo_geohash_to_polygon and geo_geohash_neighbors
/// (https://learn.microsoft.com/kusto/query/geo-point-to-geohash-function: accuracy 1 to 18 characters).
/// </summary>
internal static class Geohash
{
    public const int MinLength = 1;
    public const int MaxLength = 18;

    private const string Alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";

    /// <summary>A cell's bounds in degrees.</summary>
    public readonly record struct Cell(double West, double South, double East, double North)
    {
        public double CenterLongitude => (West + East) / 2;

        public double CenterLatitude => (South + North) / 2;
    }

    /// <summary>The geohash of length <paramref name="length"/> of a point; the caller checks the ranges.</summary>
    public static string Encode(double longitude, double latitude, int length)
    {
        var chars = new char[length];
        double west = -180, east = 180, south = -90, north = 90;
        var onLongitude = true;
        for (var i = 0; i < length; i++)
        {
            var index = 0;
            for (var bit = 0; bit < 5; bit++)
            {
                index <<= 1;
                if (onLongitude) index |= Halve(longitude, ref west, ref east);
                else index |= Halve(latitude, ref south, ref north);
                onLongitude = !onLongitude;
            }

            chars[i] = Alphabet[index];
        }

        return new string(chars);
    }

    /// <summary>The cell a geohash names, or null when it is empty, longer than 18 or has a character outside the alphabet.</summary>
    public static Cell? Decode(string geohash)
    {
        if (geohash.Length is < MinLength or > MaxLength) return null;
        double west = -180, east = 180, south = -90, north = 90;
        var onLongitude = true;
        foreach (var c in geohash)
        {
            var index = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (index < 0) return null;
            for (var bit = 4; bit >= 0; bit--)
            {
                var high = (index >> bit & 1) == 1;
                if (onLongitude) Narrow(high, ref west, ref east);
                else Narrow(high, ref south, ref north);
                onLongitude = !onLongitude;
            }
        }

        return new Cell(west, south, east, north);
    }

    /// <summary>
    /// The neighbours of a cell of the same length, in the order the reference page's example lists them (south-west,
    /// north-west, south-east, north, west, north-east, east, south: geo_geohash_neighbors('sunny')). Longitude wraps
    /// at the antimeridian; there is no neighbour beyond a pole.
    /// </summary>
    public static List<string> Neighbors(string geohash, Cell cell)
    {
        (int X, int Y)[] offsets = [(-1, -1), (-1, 1), (1, -1), (0, 1), (-1, 0), (1, 1), (1, 0), (0, -1)];
        var width = cell.East - cell.West;
        var height = cell.North - cell.South;
        var neighbors = new List<string>(offsets.Length);
        foreach (var (x, y) in offsets)
        {
            var latitude = cell.CenterLatitude + y * height;
            if (latitude is < -90 or > 90) continue;
            var longitude = cell.CenterLongitude + x * width;
            if (longitude > 180) longitude -= 360;
            if (longitude < -180) longitude += 360;
            var neighbor = Encode(longitude, latitude, geohash.Length);
            if (neighbor != geohash && !neighbors.Contains(neighbor)) neighbors.Add(neighbor);
        }

        return neighbors;
    }

    private static int Halve(double value, ref double low, ref double high)
    {
        var middle = (low + high) / 2;
        if (value >= middle)
        {
            low = middle;
            return 1;
        }

        high = middle;
        return 0;
    }

    private static void Narrow(bool high, ref double low, ref double upper)
    {
        var middle = (low + upper) / 2;
        if (high) low = middle;
        else upper = middle;
    }
}
