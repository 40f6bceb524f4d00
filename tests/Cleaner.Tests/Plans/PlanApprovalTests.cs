using OciCleanup.Cleaner.Execution;
using OciCleanup.Cleaner.Plans;

namespace OciCleanup.Cleaner.Tests.Plans;

/// <summary><c>apply</c> deletes only what the reviewed plan lists and the fresh plan still deletes, unchanged (SPEC §7a).</summary>
public class PlanApprovalTests
{
    private static readonly PackageVersion Old = Some.Version("0.1.1", 90, digestSeed: "b1");

    private static PlanEntry Entry(PackageVersion v) => new(v.Ref, v.CreatedAt);

    private static PlanFile Approved(params PlanEntry[] deletes) => new(2, "20260602T020000Z-abcd", Some.Now, "sha256:config", [.. deletes], "");

    private static Decision Delete(PackageVersion v) => new(v, DecisionAction.Delete, [new Reason(Reason.Retention, new RetentionOrigin("older than 14 days and not among the newest 10"))]);

    private static Decision Keep(PackageVersion v) => new(v, DecisionAction.Keep, [new Reason("pin", new PinsLineOrigin("/etc/registry-pins.txt", 3))]);

    // What the plan file lists for the version: nothing, the version as it is now, or as it was before a re-push.
    private static PlanEntry? Listed(string listed) => listed switch
    {
        "as now" => Entry(Old),
        "another manifest" => Entry(Old) with { Digest = Some.Digest("b2").ToString() },
        "an earlier push" => Entry(Old) with { CreatedAt = Old.CreatedAt.AddDays(-1) },
        _ => null,
    };

    public static TheoryData<string, bool, string, bool, string?> Cases => new()
    {
        { "listed and still deleted, unchanged: approved", true, "as now", true, null },
        { "deleted now, never reviewed (the policy deletes more now)", true, "nothing", false, "not in the approved plan" },
        { "re-pushed with another manifest since the plan", true, "another manifest", false, "changed since the plan (digest sha256:" },
        { "re-pushed with the same manifest since the plan", true, "an earlier push", false, "changed since the plan (digest " },
        { "listed, but pinned since the plan", false, "as now", false, "in the plan, but kept now: pin (/etc/registry-pins.txt:3)" },
        { "kept and not listed: nothing to say", false, "nothing", false, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Apply_FreshDecisionAgainstReviewedPlan_DeletesOnlyWhatWasApprovedAndSaysWhyNot(string because, bool deletedNow, string listed, bool deleted, string? skipped)
    {
        var entry = Listed(listed);

        var (executable, notExecuted) = PlanApproval.Apply(new Plan([deletedNow ? Delete(Old) : Keep(Old)]), entry is null ? Approved() : Approved(entry));

        executable.Decisions.Single().Action.ShouldBe(deleted ? DecisionAction.Delete : DecisionAction.Keep, because);
        if (skipped is null)
        {
            notExecuted.ShouldBeEmpty(because);
        }
        else
        {
            var outcome = notExecuted[Old.Key].ShouldBeOfType<DeleteOutcome.Skipped>(because);
            outcome.Why.ShouldStartWith(skipped, Case.Sensitive, because);
        }
    }

    [Fact]
    public void Apply_ChangedVersion_SaysWhatChangedFromAndTo()
    {
        var repushed = Old with { Digest = Some.Digest("b2"), CreatedAt = Some.Now.AddHours(-1) };

        var (_, notExecuted) = PlanApproval.Apply(new Plan([Delete(repushed)]), Approved(Entry(Old)));

        notExecuted[Old.Key].Detail.ShouldBe($"changed since the plan (digest {Old.Digest} → {repushed.Digest}, created {Old.CreatedAt:O} → {repushed.CreatedAt:O})");
    }

    [Fact]
    public void Apply_MixedPlan_KeepsEveryDecisionInOrderAndDeletesOnlyTheApproved()
    {
        var approved = Some.Version("0.1.2", 89);
        var unapproved = Some.Version("0.1.3", 88);
        var kept = Some.Version("staging", 1);
        var gone = Some.Version("0.1.0", 91);

        var (executable, notExecuted) = PlanApproval.Apply(
            new Plan([Keep(kept), Delete(approved), Delete(unapproved)]),
            Approved(Entry(approved), Entry(gone)));

        executable.Decisions.Select(d => d.Version.Version).ShouldBe(["staging", "0.1.2", "0.1.3"]);
        executable.Deletes.Select(d => d.Version.Version).ShouldBe(["0.1.2"]);
        // A listed version the registry no longer has is no outcome: there is nothing to delete or skip.
        notExecuted.Keys.Select(k => k.Version).ShouldBe(["0.1.3"]);
    }
}
