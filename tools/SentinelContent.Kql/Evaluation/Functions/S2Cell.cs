using System.Globalization;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// S2 cell math (Google's S2 geometry library, Apache-2.0, as its s2cell_id.cc and s2coords.h define it; no .NET
/// package serves it here): a point goes to one of six cube faces, to (u, v) on the face, through S2's quadratic
/// projection to (s, t), to 30-bit (i, j), and along the Hilbert curve to a 64-bit id: 3 face bits, 2 bits per level,
/// then a trailing 1. A token is the id in hex without its trailing zeros. Used by geo_point_to_s2cell,
/// geo_s2cell_to_central_point, geo_s2cell_to_polygon and geo_s2cell_neighbors.
/// </summary>
internal static class S2Cell
{
    public const int MaxLevel = 30;

    private const int MaxSize = 1 << MaxLevel;
    private const int SwapMask = 1;
    private const int InvertMask = 2;

    // The Hilbert curve: position within a parent for each (i, j) bit pair (index i*2 + j), per orientation, and back.
    private static readonly int[,] IjToPos = { { 0, 1, 3, 2 }, { 0, 3, 1, 2 }, { 2, 3, 1, 0 }, { 2, 1, 3, 0 } };
    private static readonly int[,] PosToIj = { { 0, 1, 3, 2 }, { 0, 2, 3, 1 }, { 3, 2, 0, 1 }, { 3, 1, 0, 2 } };
    private static readonly int[] PosToOrientation = [SwapMask, 0, 0, InvertMask | SwapMask];

    /// <summary>The id of the cell of <paramref name="level"/> (0 to 30) that holds a point given in degrees.</summary>
    public static ulong FromLatLng(double longitude, double latitude, int level)
    {
        var (x, y, z) = ToPoint(longitude, latitude);
        var face = FaceUv(x, y, z, out var u, out var v);
        var leaf = FromFaceIj(face, StToIj(UvToSt(u)), StToIj(UvToSt(v)));
        return Parent(leaf, level);
    }

    /// <summary>The token of an id: hex digits, trailing zeros removed ("X" for the invalid id 0).</summary>
    public static string ToToken(ulong id) =>
        id == 0 ? "X" : id.ToString("x16", CultureInfo.InvariantCulture).TrimEnd('0');

    /// <summary>The id of a token, or null when the token is not 1 to 16 hex digits naming a valid cell.</summary>
    public static ulong? FromToken(string token)
    {
        var hex = token.PadRight(16, '0');
        if (token.Length is < 1 or > 16) return null;
        if (!ulong.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id)) return null;
        return IsValid(id) ? id : null;
    }

    /// <summary>A valid id: a face below 6 and a lowest set bit at an even position (a whole level).</summary>
    public static bool IsValid(ulong id) => id >> 61 < 6 && (Lsb(id) & 0x1555555555555555UL) != 0;

    public static int Level(ulong id) => MaxLevel - (System.Numerics.BitOperations.TrailingZeroCount(id) >> 1);

    /// <summary>The cell's center as (longitude, latitude) in degrees.</summary>
    public static (double Longitude, double Latitude) Center(ulong id)
    {
        var (face, i, j) = ToFaceIj(id);
        var size = 1 << (MaxLevel - Level(id));
        var u = StToUv((i + size / 2.0) / MaxSize);
        var v = StToUv((j + size / 2.0) / MaxSize);
        return ToLatLng(FaceUvToXyz(face, u, v));
    }

    /// <summary>The cell's four corners counter-clockwise as S2Cell::GetVertex numbers them: (u, v) low-low, high-low,
    /// high-high, low-high.</summary>
    public static (double Longitude, double Latitude)[] Vertices(ulong id)
    {
        var (face, i, j) = ToFaceIj(id);
        var size = 1 << (MaxLevel - Level(id));
        double uLo = StToUv((double)i / MaxSize), uHi = StToUv((double)(i + size) / MaxSize);
        double vLo = StToUv((double)j / MaxSize), vHi = StToUv((double)(j + size) / MaxSize);
        return
        [
            ToLatLng(FaceUvToXyz(face, uLo, vLo)), ToLatLng(FaceUvToXyz(face, uHi, vLo)),
            ToLatLng(FaceUvToXyz(face, uHi, vHi)), ToLatLng(FaceUvToXyz(face, uLo, vHi)),
        ];
    }

    /// <summary>
    /// The eight cells of the same level around a cell, in the order of S2CellId::AppendAllNeighbors: for each column
    /// offset from left of the cell to right of it, the bottom and top neighbours (over the cell) and the left and right
    /// ones; duplicates (at a cube corner) are kept once.
    /// </summary>
    public static List<ulong> Neighbors(ulong id)
    {
        var (face, i, j) = ToFaceIj(id);
        var level = Level(id);
        var size = 1 << (MaxLevel - level);
        var result = new List<ulong>(8);
        for (var k = -size; ; k += size)
        {
            bool sameFace;
            if (k < 0) sameFace = j + k >= 0;
            else if (k >= size) sameFace = j + k < MaxSize;
            else
            {
                sameFace = true;
                Add(FromFaceIjSame(face, i + k, j - size, j - size >= 0));
                Add(FromFaceIjSame(face, i + k, j + size, j + size < MaxSize));
            }

            Add(FromFaceIjSame(face, i - size, j + k, sameFace && i - size >= 0));
            Add(FromFaceIjSame(face, i + size, j + k, sameFace && i + size < MaxSize));
            if (k >= size) break;
        }

        return result;

        void Add(ulong leaf)
        {
            var neighbor = Parent(leaf, level);
            if (neighbor != id && !result.Contains(neighbor)) result.Add(neighbor);
        }
    }

    private static ulong Lsb(ulong id) => id & (ulong)-(long)id;

    private static ulong Parent(ulong id, int level)
    {
        var lsb = 1UL << (2 * (MaxLevel - level));
        return (id & (ulong)-(long)lsb) | lsb;
    }

    private static ulong FromFaceIj(int face, int i, int j)
    {
        ulong path = 0;
        var orientation = face & SwapMask;
        for (var bit = MaxLevel - 1; bit >= 0; bit--)
        {
            var ij = ((i >> bit) & 1) << 1 | ((j >> bit) & 1);
            var pos = IjToPos[orientation, ij];
            path = path << 2 | (uint)pos;
            orientation ^= PosToOrientation[pos];
        }

        return (ulong)face << 61 | path << 1 | 1;
    }

    /// <summary>The face and the (i, j) of the cell's lower-left leaf.</summary>
    private static (int Face, int I, int J) ToFaceIj(ulong id)
    {
        var face = (int)(id >> 61);
        var orientation = face & SwapMask;
        int i = 0, j = 0;
        var levels = Level(id);
        for (var level = 0; level < levels; level++)
        {
            var bit = MaxLevel - 1 - level;
            var pos = (int)(id >> (60 - 2 * level - 1)) & 3;
            var ij = PosToIj[orientation, pos];
            i |= (ij >> 1) << bit;
            j |= (ij & 1) << bit;
            orientation ^= PosToOrientation[pos];
        }

        return (face, i, j);
    }

    /// <summary>S2CellId::FromFaceIJSame: (i, j) on this face, or across its edge through FromFaceIJWrap.</summary>
    private static ulong FromFaceIjSame(int face, int i, int j, bool sameFace)
    {
        if (sameFace) return FromFaceIj(face, i, j);
        i = Math.Max(-1, Math.Min(MaxSize, i));
        j = Math.Max(-1, Math.Min(MaxSize, j));
        const double limit = 1.0 + 2.220446049250313e-16; // 1 + DBL_EPSILON, as S2 clamps
        var u = Math.Max(-limit, Math.Min(limit, (2.0 * (i - MaxSize / 2) + 1) / MaxSize));
        var v = Math.Max(-limit, Math.Min(limit, (2.0 * (j - MaxSize / 2) + 1) / MaxSize));
        var (x, y, z) = FaceUvToXyz(face, u, v);
        var newFace = FaceUv(x, y, z, out u, out v);
        return FromFaceIj(newFace, StToIj(0.5 * (u + 1)), StToIj(0.5 * (v + 1)));
    }

    private static (double X, double Y, double Z) ToPoint(double longitude, double latitude)
    {
        var phi = latitude * Math.PI / 180;
        var theta = longitude * Math.PI / 180;
        var cosPhi = Math.Cos(phi);
        return (Math.Cos(theta) * cosPhi, Math.Sin(theta) * cosPhi, Math.Sin(phi));
    }

    private static (double Longitude, double Latitude) ToLatLng((double X, double Y, double Z) p) =>
        (Math.Atan2(p.Y, p.X) * 180 / Math.PI, Math.Atan2(p.Z, Math.Sqrt(p.X * p.X + p.Y * p.Y)) * 180 / Math.PI);

    /// <summary>The face whose axis is the point's largest component, and (u, v) on it (s2coords.h XYZtoFaceUV).</summary>
    private static int FaceUv(double x, double y, double z, out double u, out double v)
    {
        double ax = Math.Abs(x), ay = Math.Abs(y), az = Math.Abs(z);
        var face = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
        var component = face switch { 0 => x, 1 => y, _ => z };
        if (component < 0) face += 3;
        (u, v) = face switch
        {
            0 => (y / x, z / x),
            1 => (-x / y, z / y),
            2 => (-x / z, -y / z),
            3 => (z / x, y / x),
            4 => (z / y, -x / y),
            _ => (-y / z, -x / z),
        };
        return face;
    }

    private static (double X, double Y, double Z) FaceUvToXyz(int face, double u, double v) => face switch
    {
        0 => (1, u, v),
        1 => (-u, 1, v),
        2 => (-u, -v, 1),
        3 => (-1, -v, -u),
        4 => (v, -1, -u),
        _ => (v, u, -1),
    };

    /// <summary>S2's quadratic projection (s2coords.h, S2_QUADRATIC_PROJECTION, the default).</summary>
    private static double UvToSt(double u) => u >= 0 ? 0.5 * Math.Sqrt(1 + 3 * u) : 1 - 0.5 * Math.Sqrt(1 - 3 * u);

    private static double StToUv(double s) => s >= 0.5 ? (1.0 / 3) * (4 * s * s - 1) : (1.0 / 3) * (1 - 4 * (1 - s) * (1 - s));

    private static int StToIj(double s) => (int)Math.Max(0, Math.Min(MaxSize - 1, Math.Floor(MaxSize * s)));
}
