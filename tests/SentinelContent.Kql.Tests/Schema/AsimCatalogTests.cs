using System.Text.RegularExpressions;
using SentinelContent.Kql.Evaluation.Asim;
using SentinelContent.Kql.Schema;

namespace SentinelContent.Kql.Tests.Schema;

/// <summary>
/// The ASIM catalog (Schema/Data/asim-schemas.json, written by dev/asim/import_asim.py): every schema issue 18 names,
/// each with its unifying parsers, typed parameters, columns and aliases, and the Azure-Sentinel file and commit each
/// came from.
/// </summary>
public sealed partial class AsimCatalogTests(ITestOutputHelper output)
{
    private static readonly string[] Expected =
    [
        "AlertEvent", "AuditEvent", "Authentication", "DhcpEvent", "Dns", "FileEvent", "NetworkSession", "ProcessEvent",
        "RegistryEvent", "UserManagement", "WebSession",
    ];

    [Fact]
    public void Every_ASIM_schema_is_in_the_catalog_with_its_source()
    {
        var catalog = AsimCatalog.Default;
        Assert.Equal(Expected, catalog.Schemas.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var schema in catalog.Schemas)
        {
            output.WriteLine($"{schema.Name} {schema.Version}: {schema.Table.Columns.Count} columns, " +
                $"{schema.Parameters.Count} parameters, {schema.Aliases.Count} aliases; {string.Join("; ", schema.Sources)}");
            Assert.All(schema.Sources, s => Assert.Matches(CitedSource(), s));
            Assert.StartsWith("https://learn.microsoft.com/azure/sentinel/normalization-schema", schema.Reference,
                StringComparison.Ordinal);
            Assert.Matches(@"^\d+\.\d+(\.\d+)?$", schema.Version);
            Assert.Contains(schema.Table.Columns, c => c.Name == "TimeGenerated" && c.Type == ScalarType.DateTime);
            Assert.Equal(schema.Table.Columns.Count, schema.Table.Columns.Select(c => c.Name).Distinct().Count());
        }
    }

    [Fact]
    public void Each_schema_has_its_four_unifying_parser_names_and_they_find_it()
    {
        foreach (var schema in AsimCatalog.Default.Schemas)
        {
            foreach (var name in new[] { $"_Im_{schema.Name}", $"_ASim_{schema.Name}", $"im{schema.Name}", $"ASim{schema.Name}" })
            {
                var parser = AsimCatalog.Default.Find(name);
                Assert.True(parser is not null, name);
                Assert.Same(schema, parser.Schema);
                var parameterLess = name.StartsWith("_ASim_", StringComparison.Ordinal)
                    || name.StartsWith("ASim", StringComparison.Ordinal);
                Assert.Equal(parameterLess ? AsimParserKind.ParameterLess : AsimParserKind.Filtering, parser.Kind);
            }
        }
        Assert.Equal("ProcessCreated", AsimCatalog.Default.Find("_Im_ProcessCreate")!.EventType);
        Assert.Equal("RegistryEvent", AsimCatalog.Default.Find("imRegistry")!.Schema.Name);
    }

    [Theory]
    [InlineData("vimNetworkSessionAzureFirewall", "NetworkSession", AsimParserKind.Filtering)]
    [InlineData("_Im_Dns_AzureFirewall", "Dns", AsimParserKind.Filtering)]
    [InlineData("ASimWebSessionZscalerZIA", "WebSession", AsimParserKind.ParameterLess)]
    [InlineData("_ASim_Authentication_AADSigninLogs", "Authentication", AsimParserKind.ParameterLess)]
    public void Source_specific_parsers_are_found_by_the_naming_convention(string name, string schema, AsimParserKind kind)
    {
        var parser = AsimCatalog.Default.Find(name);
        Assert.NotNull(parser);
        Assert.Equal(schema, parser.Schema.Name);
        Assert.Equal(kind, parser.Kind);
    }

    [Theory]
    [InlineData("vimNetworksession")]
    [InlineData("_Im_Bogus")]
    [InlineData("imDnsx")]
    [InlineData("ASim")]
    [InlineData("ASimDnsActivityLogs")]
    [InlineData("ASimNetworkSessionLogs")]
    public void Other_names_are_not_parsers(string name) => Assert.Null(AsimCatalog.Default.Find(name));

    [Fact]
    public void Every_alias_stands_for_columns_of_its_schema()
    {
        foreach (var schema in AsimCatalog.Default.Schemas)
        {
            foreach (var (alias, targets) in schema.Aliases)
            {
                Assert.NotNull(schema.Table.Find(alias));
                Assert.NotEmpty(targets);
                Assert.All(targets, t => Assert.True(schema.Table.Find(t) is not null, $"{schema.Name}.{alias} -> {t}"));
            }
        }
    }

    [Fact]
    public void Every_parameter_has_a_type_a_default_and_a_documented_meaning()
    {
        foreach (var schema in AsimCatalog.Default.Schemas)
        {
            Assert.Contains(schema.Parameters, p => p.Name == "disabled" && p.Type == ScalarType.Bool && p.Default == "false");
            foreach (var parameter in schema.Parameters)
            {
                Assert.NotEqual(ScalarType.Unknown, parameter.Type);
                Assert.False(string.IsNullOrEmpty(parameter.Default), $"{schema.Name}.{parameter.Name}");
                var rule = AsimFilters.For(schema.Name, parameter.Name);
                Assert.True(rule is not null, $"{schema.Name}.{parameter.Name} has no filtering rule");
                Assert.All(rule.Value.Columns,
                    c => Assert.True(schema.Table.Find(c) is not null, $"{schema.Name}.{parameter.Name} reads {c}"));
            }
        }
    }

    [GeneratedRegex(@"^Azure/Azure-Sentinel (\.script|Parsers)/[^@]+\.(json|yaml)@[0-9a-f]{40}$")]
    private static partial Regex CitedSource();
}
