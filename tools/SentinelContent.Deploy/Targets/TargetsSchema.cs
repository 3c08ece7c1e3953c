using SentinelContent.Format;

namespace SentinelContent.Deploy.Targets;

/// <summary>The editor schema of sentinel.yaml, generated from <see cref="TargetsFormat"/> (docs/schemas/targets.schema.json).</summary>
public static class TargetsSchema
{
    public const string RelativePath = "docs/schemas/targets.schema.json";

    public static string Write() => JsonSchemaWriter.Write(
        TargetsFormat.Root,
        "https://sentinelcontent.dev/schemas/targets.schema.json",
        "SentinelContent deployment targets (sentinel.yaml)");
}
