using System.CommandLine;
using SentinelContent.Cli.Infrastructure;
using SentinelContent.Deploy.Apply;
using SentinelContent.Deploy.Desired;
using SentinelContent.Deploy.Planning;

namespace SentinelContent.Cli.Commands;

/// <summary>`sentinelctl deploy plan|apply`: compare the repository with a workspace, then make the workspace match.</summary>
public static class DeployCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("deploy", """
            Deploy the repository's content to a Microsoft Sentinel workspace named in sentinel.yaml.
            `plan` shows what would change; `apply` makes those changes. Nothing the repository did not
            deploy is ever changed or deleted. See docs/deploy.md.
            """);
        command.Subcommands.Add(CreatePlan(context));
        command.Subcommands.Add(CreateApply(context));
        return command;
    }

    private static Command CreatePlan(CliContext context)
    {
        var options = new DeployOptions();
        var prune = PruneOption();
        var (allowMassDelete, threshold) = MassDeleteOptions();
        var format = new Option<PlanFormat>("--format", "-f") { Description = "text (default; coloured on a terminal), json (for pipelines) or markdown (for a pull-request comment).", DefaultValueFactory = _ => PlanFormat.Text };
        var output = new Option<string?>("--output", "-o") { Description = "Write the plan to this file instead of standard output." };
        var command = new Command("plan", """
            Show what deploy apply would do: per item create, update (with the changed fields), delete
            (only with --prune, and only items this repository deployed), adopt (record ownership) or
            unchanged. Changes made by hand in the portal show as updates marked drift.

            Examples:
              sentinelctl deploy plan --env dev
              sentinelctl deploy plan --env prod --prune --format json --output plan.json
            A plan that would delete more than 20% of what this repository deployed (massDeleteThreshold)
            is shown and then refused (exit 1) unless --allow-mass-delete.
            Exit codes: 0 no changes, 3 changes pending, 1 content or targets file errors (or a refused
            mass delete), 2 usage or internal error, 4 Azure could not be read.
            """);
        options.AddTo(command);
        command.Options.Add(prune);
        command.Options.Add(allowMassDelete);
        command.Options.Add(threshold);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(async (parse, token) =>
        {
            using var setup = DeploySetup.Create(context, parse, options, ContentKinds.All, out var code);
            if (setup is null) return code;
            var desired = setup.LoadDesired(context, parse, options);
            if (desired is null) return ExitCodes.ContentErrors;
            DeploymentPlan plan;
            try
            {
                plan = await setup.Session.PlanAsync(desired, parse.GetValue(prune), token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                context.Error.WriteLine("cancelled.");
                return ExitCodes.DeployFailed;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return DeploySetup.Failed(context, e);
            }
            var chosen = parse.GetValue(format);
            if (parse.GetValue(output) is { } file)
            {
                AtomicFile.Write(context.Resolve(file), w => PlanRenderer.Write(plan, chosen, color: false, w));
                context.Error.WriteLine($"plan: {PlanRenderer.Summary(plan)}; written to {file}");
            }
            else
            {
                PlanRenderer.Write(plan, chosen, chosen == PlanFormat.Text && context.UseColor(parse.GetValue(options.Color)), context.Out);
            }
            if (MassDelete(context, parse, setup, plan, allowMassDelete, threshold)) return ExitCodes.ContentErrors;
            return plan.HasChanges ? ExitCodes.ChangesPending : ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateApply(CliContext context)
    {
        var options = new DeployOptions();
        var prune = PruneOption();
        var (allowMassDelete, threshold) = MassDeleteOptions();
        var parallelism = new Option<int?>("--parallelism") { Description = "How many writes run at once (default: the environment's parallelism, else 8)." };
        var command = new Command("apply", """
            Plan, print the plan, then apply it: writes run in parallel (bounded), each conditional on the
            ETag the plan saw, retried with back-off on throttling (honouring Retry-After), 5xx and network
            errors. An unchanged repository makes no writes. After an interruption, run it again: it
            plans from the workspace's state and finishes the work.

            Examples:
              sentinelctl deploy apply --env dev
              sentinelctl deploy apply --env prod --prune
            A plan that would delete more than 20% of what this repository deployed (massDeleteThreshold)
            is not applied unless --allow-mass-delete.
            Exit codes: 0 applied (or nothing to do), 4 some items failed or conflicted (see the summary),
            1 content or targets file errors (or a refused mass delete), 2 usage or internal error.
            """);
        options.AddTo(command);
        command.Options.Add(prune);
        command.Options.Add(allowMassDelete);
        command.Options.Add(threshold);
        command.Options.Add(parallelism);
        command.SetAction(async (parse, token) =>
        {
            using var setup = DeploySetup.Create(context, parse, options, ContentKinds.All, out var code);
            if (setup is null) return code;
            var desired = setup.LoadDesired(context, parse, options);
            if (desired is null) return ExitCodes.ContentErrors;
            var color = context.UseColor(parse.GetValue(options.Color));
            try
            {
                var plan = await setup.Session.PlanAsync(desired, parse.GetValue(prune), token);
                PlanRenderer.Write(plan, PlanFormat.Text, color, context.Out);
                if (!plan.HasChanges) return ExitCodes.Success;
                if (MassDelete(context, parse, setup, plan, allowMassDelete, threshold))
                {
                    context.Error.WriteLine("nothing was applied.");
                    return ExitCodes.ContentErrors;
                }

                var progress = new ApplyProgress(context, plan.Items.Count(i => i.IsWrite), color);
                var result = await setup.Session.CreateApplier(parse.GetValue(parallelism)).ApplyAsync(plan, progress, token);
                progress.Finish();
                ApplySummary.Write(result, color, context.Out);
                return result.Succeeded ? ExitCodes.Success : ExitCodes.DeployFailed;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                context.Error.WriteLine("\ncancelled: writes in flight were abandoned. Run the same command again: it plans from the workspace and finishes the work.");
                return ExitCodes.DeployFailed;
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                return DeploySetup.Failed(context, e);
            }
        });
        return command;
    }

    private static (Option<bool> Allow, Option<int?> Threshold) MassDeleteOptions() => (
        new Option<bool>("--allow-mass-delete") { Description = "Apply a plan even when it deletes more than the mass-delete threshold of what this repository deployed." },
        new Option<int?>("--mass-delete-threshold") { Description = "The threshold, in percent of the items this repository owns in the workspace (default: the environment's massDeleteThreshold, else 20)." });

    /// <summary>True (after saying why) when the plan deletes too much to go ahead without --allow-mass-delete.</summary>
    private static bool MassDelete(CliContext context, ParseResult parse, DeploySetup setup, DeploymentPlan plan, Option<bool> allow, Option<int?> threshold)
    {
        var percent = parse.GetValue(threshold) ?? setup.Session.Environment.MassDeleteThreshold;
        if (plan.MassDeleteRefusal(Math.Clamp(percent, 0, 100)) is not { } refusal) return false;
        if (parse.GetValue(allow))
        {
            context.Error.WriteLine($"warning: {refusal.Split(". ")[0]}; going ahead (--allow-mass-delete).");
            return false;
        }
        context.Error.WriteLine($"error: {refusal}");
        return true;
    }

    private static Option<bool> PruneOption() => new("--prune")
    {
        Description = "Also delete what this repository deployed earlier and no longer contains (never items it did not deploy, never protected ones).",
    };
}
