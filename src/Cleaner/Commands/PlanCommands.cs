using System.CommandLine;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Plans;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>plan --out PLAN</c> and <c>apply PLAN</c> (docs/reports.md, "Plans: `plan` and `apply`"): the Terraform habit for a registry that was
/// never cleaned. A plan's size is the operator's approval (count limits do not block it); failed
/// sources and the shrink breaker still do, and apply deletes only what the plan lists and the fresh
/// plan still deletes, unchanged.
/// </summary>
internal static class PlanCommands
{
    public static IEnumerable<Command> Create(CompositionRoot root) => [Plan(root), Apply(root)];

    private static Command Plan(CompositionRoot root)
    {
        var options = new ReportOptions();
        var output = new Option<string>("--out") { Description = "Where to write the plan", Required = true };
        var acceptShrink = RunCommand.AcceptShrink();
        var command = new Command("plan", "A dry-run that also writes the plan file PLAN, to review and then apply") { output, acceptShrink };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            // Before the dry run, not after it: a plan that cannot be written is a usage error, found before any request.
            if (PlanPaths.OutProblem(parse.GetValue(output)!) is { } outProblem)
            {
                await root.Console.Error.WriteLineAsync(outProblem);
                return ExitCodes.Usage;
            }

            var request = new RunRequest(RunMode.DryRun) { SizeApproved = true, AcceptShrink = [.. parse.GetValue(acceptShrink) ?? []] };
            return await RunCommand.ExecuteAsync(root, parse, options, request, async result =>
            {
                if (result is not { ExitCode: ExitCodes.Success, Report: { RunId: { } runId } report, Plan: { } made, Config: { } config })
                {
                    await root.Console.Error.WriteLineAsync("no plan written: the run was blocked or a source failed (see the report)");
                    return result.ExitCode == ExitCodes.Success ? ExitCodes.Failed : result.ExitCode;
                }

                PlanFile plan;
                try
                {
                    plan = PlanFile.Of(made, runId, report.StartedAt, PlanFile.HashOf(config.Path), PlanKey.LoadOrCreate(config.Safety.StateDir));
                    await plan.WriteAsync(parse.GetValue(output)!, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await root.Console.Error.WriteLineAsync($"no plan written: {e.Message}");
                    return ExitCodes.Failed;
                }

                await root.Console.Error.WriteLineAsync($"plan written to {parse.GetValue(output)}: {Plural.Of(plan.Deletes.Length, "delete")}; review it, then: oci-cleanup apply {parse.GetValue(output)} (valid {config.Safety.PlanMaxAgeHours} h, with this configuration only)");
                return ExitCodes.Success;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Apply(CompositionRoot root)
    {
        var options = new ReportOptions();
        var planPath = new Argument<string>("plan") { Description = "A plan written by `oci-cleanup plan --out`" };
        var command = new Command("apply", "Delete what PLAN lists and is still planned now, unchanged — never more") { planPath };
        options.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (PlanPaths.PlanProblem(parse.GetValue(planPath)!) is { } planProblem)
            {
                await root.Console.Error.WriteLineAsync(planProblem);
                return ExitCodes.Usage;
            }

            var configPath = ConfigLoader.ResolvePath(parse.GetValue(options.Config));
            if (await root.LoadConfigAsync(configPath) is not { } config)
            {
                return ExitCodes.Usage;
            }

            var (plan, error) = PlanFile.Read(parse.GetValue(planPath)!, PlanFile.HashOf(configPath), root.Clock.GetUtcNow(), config.Safety.PlanMaxAgeHours, config.Safety.StateDir);
            if (plan is null)
            {
                await root.Console.Error.WriteLineAsync(error);
                return ExitCodes.Usage;
            }

            return await RunCommand.ExecuteAsync(root, parse, options, new RunRequest(RunMode.Delete) { SizeApproved = true, Approved = plan }, after: null, cancellationToken);
        });
        return command;
    }
}
