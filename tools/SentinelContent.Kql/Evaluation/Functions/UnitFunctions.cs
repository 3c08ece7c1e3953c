using System.Globalization;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// convert_angle, convert_energy, convert_force, convert_length, convert_mass, convert_speed, convert_temperature and
/// convert_volume through UnitsNet, whose unit names the pages list (DtpPica, SolarRadius, DegreeRoemer...: Kusto's
/// own conversions are UnitsNet's); an unknown unit gives null. format_bytes formats a size in bytes.
/// </summary>
internal static class UnitFunctions
{
    private static readonly string[] ByteUnits = ["Bytes", "KB", "MB", "GB", "TB", "PB", "EB"];

    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        foreach (var quantity in new[] { "Angle", "Energy", "Force", "Length", "Mass", "Speed", "Temperature", "Volume" })
            f["convert_" + quantity.ToLowerInvariant()] = Implement.Strict(ScalarType.Real, a => Convert(quantity, a));
        f["format_bytes"] = Implement.Values(ScalarType.String, FormatBytes);
    }

    private static object? Convert(string quantity, object?[] a)
    {
        if (KqlValue.ToReal(a.Arg(0)) is not { } value) return null;
        return UnitsNet.UnitConverter.TryConvertByName(value, quantity, a.Text(1), a.Text(2), out var result) ? result : null;
    }

    /// <summary>
    /// format_bytes(size[, precision[, units]]): the size in the largest unit of 1024 it reaches (or the unit given),
    /// rounded to the precision (default 0): format_bytes(10332, 1) is "10.1 KB", format_bytes(20010332, 0, "KB") "19541 KB".
    /// </summary>
    private static object? FormatBytes(object?[] a)
    {
        if (KqlValue.ToReal(a.Arg(0)) is not { } size) return null;
        var precision = a.Length > 1 ? (int)Math.Clamp(KqlValue.ToLong(a.Arg(1)) ?? 0, 0, 15) : 0;
        var requested = a.Length > 2 ? a.Text(2) : string.Empty;
        var unit = Array.FindIndex(ByteUnits, u => u.Equals(requested, StringComparison.OrdinalIgnoreCase));
        if (unit < 0)
        {
            if (requested.Length > 0) return string.Empty;
            unit = 0;
            while (unit < ByteUnits.Length - 1 && Math.Abs(size) >= Math.Pow(1024, unit + 1)) unit++;
        }

        var scaled = Math.Round(size / Math.Pow(1024, unit), precision, MidpointRounding.AwayFromZero);
        return scaled.ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + ByteUnits[unit];
    }
}
