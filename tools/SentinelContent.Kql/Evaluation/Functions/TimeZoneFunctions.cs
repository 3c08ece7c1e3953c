using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.TimeZones;
using SentinelContent.Kql.Evaluation.Values;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Evaluation.Functions;

/// <summary>
/// IANA time zones through NodaTime's own copy of the tz database, so results do not depend on the machine:
/// datetime_utc_to_local, datetime_local_to_utc and datetime_list_timezones (timezone.md). An unknown zone gives null.
/// A local time that a clock change skips is read with the offset in force after the change (Brussels' 02:00 on
/// 2022-03-27 is 00:00 UTC, the page's example); a local time that occurs twice is the earlier instant.
/// </summary>
internal static class TimeZoneFunctions
{
    private static readonly IDateTimeZoneProvider Zones = DateTimeZoneProviders.Tzdb;

    private static readonly ZoneLocalMappingResolver Resolver = Resolvers.CreateMappingResolver(
        Resolvers.ReturnEarlier,
        (local, zone, before, after) => new ZonedDateTime(local.InUtc().ToInstant().Minus(Duration.FromTimeSpan(after.WallOffset.ToTimeSpan())), zone));

    public static void Register(Dictionary<string, ScalarImplementation> f)
    {
        f["datetime_utc_to_local"] = Implement.Strict(ScalarType.DateTime, a =>
            KqlValue.ToDateTime(a.Arg(0)) is { } utc && Zone(a.Text(1)) is { } zone
                ? DateTime.SpecifyKind(Instant.FromDateTimeUtc(utc).InZone(zone).LocalDateTime.ToDateTimeUnspecified(), DateTimeKind.Utc)
                : null);
        f["datetime_local_to_utc"] = Implement.Strict(ScalarType.DateTime, a =>
            KqlValue.ToDateTime(a.Arg(0)) is { } local && Zone(a.Text(1)) is { } zone
                ? LocalDateTime.FromDateTime(local).InZone(zone, Resolver).ToDateTimeUtc()
                : null);
        f["datetime_list_timezones"] = Implement.Values(ScalarType.Dynamic, _ => new JsonArray([.. Zones.Ids.Order(StringComparer.Ordinal).Select(id => (JsonNode?)JsonValue.Create(id))]));
    }

    private static DateTimeZone? Zone(string id) => Zones.GetZoneOrNull(id.Trim());
}
