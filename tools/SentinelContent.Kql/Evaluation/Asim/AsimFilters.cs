namespace SentinelContent.Kql.Evaluation.Asim;

/// <summary>How a filtering parameter selects rows; <see cref="AsimFilters"/> says which columns it reads.</summary>
public enum AsimMatch
{
    /// <summary>starttime: TimeGenerated at or after the value.</summary>
    AtOrAfter,
    /// <summary>endtime: TimeGenerated at or before the value.</summary>
    AtOrBefore,
    /// <summary>A list: some column has one of the terms (has, case-insensitive).</summary>
    HasAny,
    /// <summary>A list: some column has every term.</summary>
    HasAll,
    /// <summary>A list: some column is one of the values (in~).</summary>
    InList,
    /// <summary>A list of IPv4 prefixes ("10.0."): some column holds an address that starts with one (has_any_ipv4_prefix).</summary>
    IpPrefix,
    /// <summary>A string: some column equals it (=~); '*' (the default) keeps every row.</summary>
    Equals,
    /// <summary>A string address: some column holds it (has_ipv4); '*' keeps every row.</summary>
    HasAddress,
    /// <summary>A number: some column equals it.</summary>
    NumberEquals,
    /// <summary>Dns eventtype: 'lookup' (the default) keeps queries (EventType Query); another value keeps that EventType.</summary>
    DnsEventType,
    /// <summary>disabled: true returns no rows.</summary>
    Disabled,
    /// <summary>pack: whether AdditionalFields is packed; it filters nothing.</summary>
    None,
}

/// <summary>
/// The meaning of each ASIM filtering parameter, one row per parameter name, from the schema pages on Microsoft Learn
/// ("Filtering parser parameters" of each normalization-schema-* page) and the parsers' own filters
/// (Parsers/ASim*/Parsers/vim*.yaml). A value equal to the parameter's default filters nothing, as in the parsers.
/// docs/asim.md lists the same rows; AsimParameterTests checks every catalog parameter has one.
/// </summary>
public static class AsimFilters
{
    private static readonly Dictionary<string, (AsimMatch Match, string[] Columns)> General = new(StringComparer.Ordinal)
    {
        ["starttime"] = (AsimMatch.AtOrAfter, ["TimeGenerated"]),
        ["endtime"] = (AsimMatch.AtOrBefore, ["TimeGenerated"]),
        ["disabled"] = (AsimMatch.Disabled, []),
        ["pack"] = (AsimMatch.None, []),
        ["eventresult"] = (AsimMatch.Equals, ["EventResult"]),
        ["srcipaddr_has_any_prefix"] = (AsimMatch.IpPrefix, ["SrcIpAddr"]),
        ["dstipaddr_has_any_prefix"] = (AsimMatch.IpPrefix, ["DstIpAddr"]),
        ["ipaddr_has_any_prefix"] = (AsimMatch.IpPrefix, ["SrcIpAddr", "DstIpAddr"]),
        ["dvcipaddr_has_any_prefix"] = (AsimMatch.IpPrefix, ["DvcIpAddr"]),
        ["dstportnumber"] = (AsimMatch.NumberEquals, ["DstPortNumber"]),
        ["hostname_has_any"] = (AsimMatch.HasAny, ["SrcHostname", "DstHostname"]),
        ["dvcaction"] = (AsimMatch.InList, ["DvcAction"]),
        ["url_has_any"] = (AsimMatch.HasAny, ["Url"]),
        ["httpuseragent_has_any"] = (AsimMatch.HasAny, ["HttpUserAgent"]),
        ["eventresultdetails_in"] = (AsimMatch.InList, ["EventResultDetails"]),
        ["eventresultdetails_has_any"] = (AsimMatch.HasAny, ["EventResultDetails"]),
        ["eventtype_in"] = (AsimMatch.InList, ["EventType"]),
        ["username_has_any"] = (AsimMatch.HasAny, ["TargetUsername"]),
        ["targetappname_has_any"] = (AsimMatch.HasAny, ["TargetAppName"]),
        ["srchostname_has_any"] = (AsimMatch.HasAny, ["SrcHostname"]),
        ["srcusername_has_any"] = (AsimMatch.HasAny, ["SrcUsername"]),
        ["actorusername_has_any"] = (AsimMatch.HasAny, ["ActorUsername"]),
        ["targetusername_has_any"] = (AsimMatch.HasAny, ["TargetUsername"]),
        ["operation_has_any"] = (AsimMatch.HasAny, ["Operation"]),
        ["object_has_any"] = (AsimMatch.HasAny, ["Object"]),
        ["newvalue_has_any"] = (AsimMatch.HasAny, ["NewValue"]),
        ["srcipaddr"] = (AsimMatch.Equals, ["SrcIpAddr"]),
        ["domain_has_any"] = (AsimMatch.HasAny, ["DnsQuery"]),
        ["responsecodename"] = (AsimMatch.Equals, ["DnsResponseCodeName"]),
        ["response_has_ipv4"] = (AsimMatch.HasAddress, ["DnsResponseName"]),
        ["response_has_any_prefix"] = (AsimMatch.IpPrefix, ["DnsResponseName"]),
        ["commandline_has_any"] = (AsimMatch.HasAny, ["TargetProcessCommandLine"]),
        ["commandline_has_all"] = (AsimMatch.HasAll, ["TargetProcessCommandLine"]),
        ["commandline_has_any_ip_prefix"] = (AsimMatch.IpPrefix, ["TargetProcessCommandLine"]),
        ["actingprocess_has_any"] = (AsimMatch.HasAny, ["ActingProcessName"]),
        ["targetprocess_has_any"] = (AsimMatch.HasAny, ["TargetProcessName"]),
        ["parentprocess_has_any"] = (AsimMatch.HasAny, ["ParentProcessName"]),
        ["targetusername"] = (AsimMatch.Equals, ["TargetUsername"]),
        ["dvcname_has_any"] = (AsimMatch.HasAny, ["DvcHostname", "Dvc"]),
        ["eventtype"] = (AsimMatch.Equals, ["EventType"]),
        ["targetfilepath_has_any"] = (AsimMatch.HasAny, ["TargetFilePath"]),
        ["srcfilepath_has_any"] = (AsimMatch.HasAny, ["SrcFilePath"]),
        ["hashes_has_any"] = (AsimMatch.InList, ["TargetFileMD5", "TargetFileSHA1", "TargetFileSHA256", "TargetFileSHA512"]),
        ["dvchostname_has_any"] = (AsimMatch.HasAny, ["DvcHostname"]),
        ["attacktactics_has_any"] = (AsimMatch.HasAny, ["AttackTactics"]),
        ["attacktechniques_has_any"] = (AsimMatch.HasAny, ["AttackTechniques"]),
        ["threatcategory_has_any"] = (AsimMatch.HasAny, ["ThreatCategory"]),
        ["alertverdict_has_any"] = (AsimMatch.HasAny, ["AlertVerdict"]),
        ["eventseverity_has_any"] = (AsimMatch.HasAny, ["EventSeverity"]),
    };

    /// <summary>Where a schema reads a parameter differently from the general row.</summary>
    private static readonly Dictionary<(string Schema, string Parameter), (AsimMatch Match, string[] Columns)> BySchema = new()
    {
        [("Dns", "eventtype")] = (AsimMatch.DnsEventType, ["EventType"]),
        [("AlertEvent", "ipaddr_has_any_prefix")] = (AsimMatch.IpPrefix, ["IpAddr", "DvcIpAddr"]),
        [("AlertEvent", "hostname_has_any")] = (AsimMatch.HasAny, ["Hostname", "DvcHostname"]),
        [("AlertEvent", "username_has_any")] = (AsimMatch.HasAny, ["Username"]),
    };

    /// <summary>The rule for <paramref name="parameter"/> in <paramref name="schema"/>; null when none is known.</summary>
    public static (AsimMatch Match, string[] Columns)? For(string schema, string parameter) =>
        BySchema.TryGetValue((schema, parameter), out var special) ? special
        : General.TryGetValue(parameter, out var general) ? general
        : null;
}
