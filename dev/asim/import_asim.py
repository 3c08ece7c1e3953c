#!/usr/bin/env python3
"""Writes tools/SentinelContent.Kql/Schema/Data/asim-schemas.json, the ASIM catalog, from what Microsoft publishes.

Run from the repository root: python3 dev/asim/import_asim.py

Sources (Azure/Azure-Sentinel, MIT; each schema records the path and commit its rows were read from):
- output columns: upstream-columns.txt, a transcript of .script/tests/KqlvalidationsTests/CustomFunctions/_Im_<Schema>.json
  (Azure-Sentinel's own CI schema files), one header line "Schema|path|commit" and one line of Name:Type words;
- parameters: PARAMETERS below, from the unifying parser's YAML (Parsers/ASim<Schema>/Parsers/im<Schema>.yaml,
  ParserParams) where it was read, else the FunctionParameters of the same CustomFunctions file;
- schema versions: Learn "Advanced Security Information Model (ASIM) schemas" (normalization-about-schemas);
- aliases: each schema's Learn reference page ("Alias" fields and the field they alias).

The upstream files are hand-kept and have defects; this script repairs them in the open and records every repair
in the schema's "corrections" list (the doc page lists them): types are normalised (String -> string, Int32 -> int,
"string " -> string), a column listed twice keeps its first type, a misspelt column (EventCountw) is renamed, a column
without a type takes the type Learn documents.
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent
OUT = ROOT / "tools/SentinelContent.Kql/Schema/Data/asim-schemas.json"
REPO = "Azure/Azure-Sentinel"
LEARN = "https://learn.microsoft.com/azure/sentinel/"

TYPES = {"string": "string", "int": "int", "int32": "int", "long": "long", "int64": "long", "real": "real",
         "double": "real", "datetime": "datetime", "bool": "bool", "boolean": "bool", "dynamic": "dynamic",
         "object": "dynamic"}

# Learn's page per schema, and the version Learn's schema list gives (normalization-about-schemas, GA list).
SCHEMAS = {
    "AlertEvent": ("normalization-schema-alert", "0.1"),
    "AuditEvent": ("normalization-schema-audit", "0.1.2"),
    "Authentication": ("normalization-schema-authentication", "0.1.4"),
    "DhcpEvent": ("normalization-schema-dhcp", "0.1.1"),
    "Dns": ("normalization-schema-dns", "0.1.7"),
    "FileEvent": ("normalization-schema-file-event", "0.2.2"),
    "NetworkSession": ("normalization-schema-network", "0.2.7"),
    "ProcessEvent": ("normalization-schema-process-event", "0.1.4"),
    "RegistryEvent": ("normalization-schema-registry-event", "0.1.3"),
    "UserManagement": ("normalization-schema-user-management", "0.1.2"),
    "WebSession": ("normalization-schema-web", "0.2.7"),
}

CF = ".script/tests/KqlvalidationsTests/CustomFunctions/"
YAML_NS = ("Parsers/ASimNetworkSession/Parsers/imNetworkSession.yaml", "00316bcff7e615e02b0e24bb4ba0d84000a3622a")
YAML_DNS = ("Parsers/ASimDns/Parsers/imDns.yaml", "0a8680b7f84561808b2d22c9b5342ca57352388d")
YAML_FILE = ("Parsers/ASimFileEvent/Parsers/imFileEvent.yaml", "082e98020ebac24ba9e8c735e11acc7c1bc73546")
YAML_REG = ("Parsers/ASimRegistryEvent/Parsers/imRegistry.yaml", "020c1f2d26a677fbae91ec4eedb5c6d151243eb1")

DT, DY = "datetime", "dynamic"
# (name, type, default) per schema, in the parser's order; the source each came from is in PARAMETER_SOURCES.
PARAMETERS = {
    "NetworkSession": [("starttime", DT, "datetime(null)"), ("endtime", DT, "datetime(null)"),
                       ("srcipaddr_has_any_prefix", DY, "dynamic([])"), ("dstipaddr_has_any_prefix", DY, "dynamic([])"),
                       ("ipaddr_has_any_prefix", DY, "dynamic([])"), ("dstportnumber", "int", "int(null)"),
                       ("hostname_has_any", DY, "dynamic([])"), ("dvcaction", DY, "dynamic([])"),
                       ("eventresult", "string", "'*'"), ("disabled", "bool", "false")],
    "Dns": [("starttime", DT, "datetime(null)"), ("endtime", DT, "datetime(null)"), ("srcipaddr", "string", "'*'"),
            ("domain_has_any", DY, "dynamic([])"), ("responsecodename", "string", "'*'"),
            ("response_has_ipv4", "string", "'*'"), ("response_has_any_prefix", DY, "dynamic([])"),
            ("eventtype", "string", "'lookup'"), ("pack", "bool", "false")],
    "WebSession": [("starttime", DT, None), ("endtime", DT, None), ("srcipaddr_has_any_prefix", DY, None),
                   ("url_has_any", DY, None), ("httpuseragent_has_any", DY, None), ("eventresultdetails_in", DY, None),
                   ("eventresult", "string", None), ("eventresultdetails_has_any", DY, None), ("disabled", "bool", None)],
    "Authentication": [("starttime", DT, None), ("endtime", DT, None), ("username_has_any", DY, None),
                       ("targetappname_has_any", DY, None), ("srcipaddr_has_any_prefix", DY, None),
                       ("srchostname_has_any", DY, None), ("eventtype_in", DY, None), ("eventresultdetails_in", DY, None),
                       ("eventresult", "string", None), ("pack", "bool", None), ("disabled", "bool", None)],
    "ProcessEvent": [("starttime", DT, None), ("endtime", DT, None), ("commandline_has_any", DY, None),
                     ("commandline_has_all", DY, None), ("commandline_has_any_ip_prefix", DY, None),
                     ("actingprocess_has_any", DY, None), ("targetprocess_has_any", DY, None),
                     ("parentprocess_has_any", DY, None), ("targetusername", "string", None),
                     ("dvcipaddr_has_any_prefix", DY, None), ("dvcname_has_any", DY, None), ("eventtype", "string", None),
                     ("disabled", "bool", None)],
    "FileEvent": [("starttime", DT, "datetime(null)"), ("endtime", DT, "datetime(null)"), ("eventtype_in", DY, "dynamic([])"),
                  ("srcipaddr_has_any_prefix", DY, "dynamic([])"), ("actorusername_has_any", DY, "dynamic([])"),
                  ("targetfilepath_has_any", DY, "dynamic([])"), ("srcfilepath_has_any", DY, "dynamic([])"),
                  ("hashes_has_any", DY, "dynamic([])"), ("dvchostname_has_any", DY, "dynamic([])"),
                  ("disabled", "bool", "false"), ("pack", "bool", "false")],
    "RegistryEvent": [],
    "AuditEvent": [("starttime", DT, None), ("endtime", DT, None), ("srcipaddr_has_any_prefix", DY, None),
                   ("actorusername_has_any", DY, None), ("operation_has_any", DY, None), ("eventtype_in", DY, None),
                   ("eventresult", "string", None), ("object_has_any", DY, None), ("newvalue_has_any", DY, None),
                   ("disabled", "bool", None)],
    "UserManagement": [("starttime", DT, None), ("endtime", DT, None), ("srcipaddr_has_any_prefix", DY, None),
                       ("targetusername_has_any", DY, None), ("actorusername_has_any", DY, None),
                       ("eventtype_in", DY, None), ("pack", "bool", None)],
    "DhcpEvent": [("starttime", DT, None), ("endtime", DT, None), ("srcipaddr_has_any_prefix", DY, None),
                  ("srchostname_has_any", DY, None), ("srcusername_has_any", DY, None), ("eventresult", "string", None),
                  ("disabled", "bool", None), ("pack", "bool", None)],
    "AlertEvent": [("starttime", DT, None), ("endtime", DT, None), ("ipaddr_has_any_prefix", DY, None),
                   ("hostname_has_any", DY, None), ("username_has_any", DY, None), ("attacktactics_has_any", DY, None),
                   ("attacktechniques_has_any", DY, None), ("threatcategory_has_any", DY, None),
                   ("alertverdict_has_any", DY, None), ("eventseverity_has_any", DY, None), ("pack", "bool", None)],
}
PARAMETER_SOURCES = {"NetworkSession": [YAML_NS], "Dns": [YAML_DNS], "FileEvent": [YAML_FILE], "RegistryEvent": [YAML_REG]}

# Every unifying parser takes `disabled` (Learn, "Manage ASIM parsers": disabling a parser) and `pack` where the
# schema packs AdditionalFields; a source that omits them gets them, recorded as a correction.
COMMON = [("disabled", "bool", "false")]

# A default is the value that filters nothing (Learn, normalization-about-parsers: "filtering parameters ... are
# optional"); the parser YAMLs read give exactly these.
EMPTY = {"datetime": "datetime(null)", "dynamic": "dynamic([])", "string": "'*'", "int": "int(null)", "bool": "false"}

HOST = ["FQDN", "Hostname", "IpAddr", "DvcId"]
def device(prefix):
    return [prefix + ("DvcId" if p == "DvcId" else p) for p in HOST]

ALIASES = {
    "*": {"Dvc": ["DvcFQDN", "DvcHostname", "DvcIpAddr", "DvcId"]},
    "NetworkSession": {"Src": device("Src"), "Dst": device("Dst"), "IpAddr": ["SrcIpAddr"], "Hostname": ["DstHostname"],
                       "User": ["DstUsername"], "Duration": ["NetworkDuration"], "SessionId": ["NetworkSessionId"],
                       "Rule": ["NetworkRuleName", "NetworkRuleNumber"]},
    "Dns": {"Src": device("Src"), "Dst": device("Dst"), "IpAddr": ["SrcIpAddr"], "Hostname": ["SrcHostname"],
            "User": ["SrcUsername"], "Process": ["SrcProcessName"], "Domain": ["DnsQuery"],
            "Duration": ["DnsNetworkDuration"], "SessionId": ["DnsSessionId"], "Query": ["DnsQuery"],
            "QueryType": ["DnsQueryType"], "QueryTypeName": ["DnsQueryTypeName"], "QueryClass": ["DnsQueryClass"],
            "QueryClassName": ["DnsQueryClassName"], "ResponseCode": ["DnsResponseCode"],
            "ResponseName": ["DnsResponseName"], "ResponseCodeName": ["DnsResponseCodeName"], "Flags": ["DnsFlags"]},
    "WebSession": {"Src": device("Src"), "Dst": device("Dst"), "IpAddr": ["SrcIpAddr"], "Hostname": ["DstHostname"],
                   "User": ["SrcUsername"], "UserAgent": ["HttpUserAgent"], "Duration": ["NetworkDuration"],
                   "SessionId": ["NetworkSessionId"], "Rule": ["RuleName", "RuleNumber"]},
    "Authentication": {"Src": device("Src"), "Dst": device("Target"), "IpAddr": ["SrcIpAddr"], "User": ["TargetUsername"],
                       "Application": ["TargetAppName"], "LogonTarget": ["TargetAppName", "TargetUrl", "TargetHostname"],
                       "Rule": ["RuleName", "RuleNumber"]},
    "ProcessEvent": {"User": ["TargetUsername"], "Process": ["TargetProcessName"], "CommandLine": ["TargetProcessCommandLine"],
                     "Hash": ["TargetProcessSHA512", "TargetProcessSHA256", "TargetProcessMD5", "TargetProcessSHA1",
                              "TargetProcessIMPHASH"]},
    "FileEvent": {"User": ["ActorUsername"], "Process": ["ActingProcessName"], "FilePath": ["TargetFilePath"],
                  "Hash": ["TargetFileSHA512", "TargetFileSHA256", "TargetFileMD5", "TargetFileSHA1"]},
    "RegistryEvent": {"User": ["ActorUsername"], "Process": ["ActingProcessName"]},
    "AuditEvent": {"Src": device("Src"), "Dst": device("Target"), "IpAddr": ["SrcIpAddr"], "User": ["ActorUsername"],
                   "Application": ["TargetAppName"], "Value": ["NewValue"], "Rule": ["RuleName", "RuleNumber"]},
    "UserManagement": {"Src": device("Src"), "IpAddr": ["SrcIpAddr"], "Rule": ["RuleName", "RuleNumber"]},
    "DhcpEvent": {"Src": device("Src"), "IpAddr": ["SrcIpAddr"], "Hostname": ["SrcHostname"], "User": ["SrcUsername"],
                  "SessionId": ["DhcpSessionId"], "Duration": ["DhcpSessionDuration"], "Rule": ["RuleName", "RuleNumber"]},
    "AlertEvent": {"User": ["Username"], "Rule": ["RuleName", "RuleNumber"]},
}

# Unifying parser names besides _Im_X, _ASim_X, imX and ASimX (Learn's parser list; the registry YAML's ParserName).
EXTRA_NAMES = {
    "ProcessEvent": ["_Im_ProcessCreate", "_Im_ProcessTerminate", "imProcessCreate", "imProcessTerminate",
                     "_ASim_ProcessCreate", "_ASim_ProcessTerminate", "ASimProcessCreate", "ASimProcessTerminate"],
    "RegistryEvent": ["imRegistry", "ASimRegistry"],
}
RENAMES = {("Dns", "EventCountw"): "EventCount"}
UNTYPED = {("ProcessEvent", "ActingProcessIsHidden"): "bool"}


def read_transcript():
    lines = (HERE / "upstream-columns.txt").read_text().splitlines()
    for header, body in zip(lines[0::2], lines[1::2]):
        schema, path, commit = header.split("|")
        yield schema, path, commit, body.split()


def columns_of(schema, words, corrections):
    result = {}
    for word in words:
        name, _, raw = word.partition(":")
        if (schema, name) in RENAMES:
            corrections.append(f"column {name} is {RENAMES[schema, name]} (misspelt upstream)")
            name = RENAMES[schema, name]
        cleaned = raw.replace("_", "").rstrip(",").strip().lower()
        if not cleaned:
            cleaned = UNTYPED[schema, name]
            corrections.append(f"column {name} has no type upstream; {cleaned} as Learn documents")
        elif cleaned != raw.lower():
            corrections.append(f"column {name}: type '{raw.replace('_', ' ')}' read as {TYPES[cleaned]}")
        elif TYPES[cleaned] != raw and "types written as .NET names" not in "".join(corrections):
            corrections.append("types written as .NET names upstream (String, Int32, DateTime, Object) read as KQL types")
        kind = TYPES[cleaned]
        if name in result:
            corrections.append(f"column {name} is listed twice upstream; the first ({result[name]}) is kept")
            continue
        result[name] = kind
    return result


def main():
    schemas = []
    for schema, path, commit, words in read_transcript():
        corrections = []
        columns = columns_of(schema, words, corrections)
        page, version = SCHEMAS[schema]
        parameters = [list(p) for p in PARAMETERS[schema]]
        names = {p[0] for p in parameters}
        for name, kind, default in COMMON:
            if name not in names:
                parameters.append([name, kind, default])
                corrections.append(f"parameter {name} added: every unifying parser takes it")
        for p in parameters:
            if p[2] is None:
                p[2] = EMPTY[p[1]]
        aliases = dict(ALIASES["*"], **ALIASES[schema])
        for alias, targets in list(aliases.items()):
            missing = [t for t in targets if t not in columns]
            if alias not in columns or len(missing) == len(targets):
                corrections.append(f"alias {alias} dropped: not in the upstream columns")
                del aliases[alias]
            elif missing:
                aliases[alias] = [t for t in targets if t in columns]
        names = [f"_Im_{schema}", f"_ASim_{schema}", f"im{schema}", f"ASim{schema}"] + EXTRA_NAMES.get(schema, [])
        schemas.append({
            "name": schema,
            "version": version,
            "reference": LEARN + page,
            "columnsFrom": {"repository": REPO, "path": path, "commit": commit},
            "parametersFrom": [{"repository": REPO, "path": p, "commit": c} for p, c in PARAMETER_SOURCES.get(schema, [])]
                              or [{"repository": REPO, "path": path, "commit": commit}],
            "parametersOpen": schema == "RegistryEvent",
            "parsers": names,
            "parameters": [{"name": n, "type": t, "default": d} for n, t, d in parameters],
            "columns": columns,
            "aliases": aliases,
            "corrections": corrections,
        })
    schemas.sort(key=lambda s: s["name"])
    document = {
        "about": "ASIM schemas and their unifying parsers, written by dev/asim/import_asim.py; see docs/asim.md.",
        "schemas": schemas,
    }
    OUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(schemas)} schemas, {sum(len(s['columns']) for s in schemas)} columns")


if __name__ == "__main__":
    sys.exit(main())
