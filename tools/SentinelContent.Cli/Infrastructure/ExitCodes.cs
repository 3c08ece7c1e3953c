namespace SentinelContent.Cli.Infrastructure;

/// <summary>The exit codes every command shares, so pipelines can tell content problems from tool problems.</summary>
public static class ExitCodes
{
    /// <summary>Nothing wrong (warnings allowed unless --warnings-as-errors).</summary>
    public const int Success = 0;

    /// <summary>The content has errors (or warnings under --warnings-as-errors), or tests failed.</summary>
    public const int ContentErrors = 1;

    /// <summary>Bad usage (unknown option, missing path) or an internal error of the tool.</summary>
    public const int UsageOrInternalError = 2;

    /// <summary>deploy plan: the workspace differs from the repository (changes are pending).</summary>
    public const int ChangesPending = 3;

    /// <summary>deploy apply / export: Azure refused or failed part of the work (see the summary), or could not be reached.</summary>
    public const int DeployFailed = 4;
}
