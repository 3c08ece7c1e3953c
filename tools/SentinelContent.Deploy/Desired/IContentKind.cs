using System.Text.Json.Nodes;
using SentinelContent.Deploy.Arm;
using SentinelContent.Deploy.Targets;

namespace SentinelContent.Deploy.Desired;

/// <summary>
/// One kind of deployable content (analytics rules, watchlists; automation rules and playbooks plug in the
/// same way). A kind knows four things and nothing else: how to read the repository's files into desired
/// ARM bodies, which ARM collection holds it, which of ARM's fields it manages (so read-only fields never
/// show up as differences), and how to write a workspace resource back as a repository file (export).
/// Planning, ownership, applying and the CLI are shared by all kinds.
/// </summary>
public interface IContentKind
{
    /// <summary>The metadata kind Sentinel uses for this content (AnalyticsRule, Watchlist, AutomationRule, Playbook).</summary>
    string MetadataKind { get; }

    /// <summary>The ARM collection: alertRules, watchlists, automationRules under Microsoft.SecurityInsights; workflows, connections in the resource group.</summary>
    string Collection { get; }

    /// <summary>
    /// Where the kind sits in the dependency order: lower stages are created and updated first and deleted
    /// last (connections 0, then playbooks, rules and watchlists 1, then automation rules 2, which name playbooks and rules).
    /// </summary>
    int Stage => 1;

    /// <summary>The ARM path of the kind's collection (default: the workspace's SecurityInsights collection).</summary>
    string CollectionPath(WorkspaceScope scope) => scope.CollectionPath(Collection);

    /// <summary>The ARM path of one resource of this kind.</summary>
    string ResourcePath(WorkspaceScope scope, string name) => $"{CollectionPath(scope)}/{Uri.EscapeDataString(name)}";

    /// <summary>A short noun for messages and --kind (rule, watchlist).</summary>
    string Noun { get; }

    /// <summary>Reads the repository's content of this kind as it should be in <paramref name="environment"/>.</summary>
    DesiredContent LoadDesired(string repositoryRoot, TargetEnvironment environment);

    /// <summary>
    /// The part of a workspace resource this kind manages, shaped like a desired body, or null when the
    /// resource is of a sort the repository cannot express (a Fusion rule, say): such resources are left alone.
    /// </summary>
    JsonObject? Comparable(ArmResource actual);

    /// <summary>Writes a workspace resource as repository files (path relative to the repository root → content).</summary>
    IReadOnlyList<ExportedFile> Export(ArmResource actual, TargetEnvironment environment);
}

/// <summary>A file produced by export: where it goes under the repository, and its text.</summary>
public sealed record ExportedFile(string RelativePath, string Content);
