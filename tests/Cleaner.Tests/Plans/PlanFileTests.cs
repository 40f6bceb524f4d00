using System.Collections.Immutable;
using OciCleanup.Cleaner.Plans;
using OciCleanup.Cleaner.Reporting;
using OciCleanup.Cleaner.Tests.Support;

namespace OciCleanup.Cleaner.Tests.Plans;

public class PlanFileTests
{
    private static string Written(PlanFile plan)
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, plan.ToJson());
        return path;
    }

    private static PlanFile Plan()
    {
        var report = new RunReport(1, "dry-run", Some.Now, Some.Now, [], [
            new DecisionEntry("main", "oleks", "container", "cms-plugins", "0.1.1", Some.Digest("b1").ToString(), Some.Now.AddDays(-90), "delete", [new ReasonEntry("retention", "old")]),
            new DecisionEntry("main", "oleks", "container", "cms-plugins", "staging", Some.Digest("b9").ToString(), Some.Now, "keep", [new ReasonEntry("pin", "p:1")]),
        ], new Summary(2, 1, 1, 0, 0, false, null)) { RunId = "20260602T020000Z-abcd" };
        return PlanFile.Of(report, "sha256:config");
    }

    [Theory]
    [InlineData(23.9, true)]
    [InlineData(24.1, false)]
    public void Read_OlderThanPlanMaxAgeHours_IsRefused(double hoursLater, bool accepted)
    {
        var path = Written(Plan());

        var (plan, error) = PlanFile.Read(path, "sha256:config", Some.Now.AddHours(hoursLater), maxAgeHours: 24);

        (plan is not null).ShouldBe(accepted, error);
        if (!accepted)
        {
            error.ShouldNotBeNull().ShouldContain("older than safety.planMaxAgeHours 24");
        }

        File.Delete(path);
    }

    [Fact]
    public void Of_ListsOnlyThePlannedDeletesWithDigestAndCreationTime()
    {
        var plan = Plan();

        plan.Deletes.ShouldHaveSingleItem().ShouldBe(new PlanEntry("main", "oleks", "container", "cms-plugins", "0.1.1", Some.Digest("b1").ToString(), Some.Now.AddDays(-90)));
        plan.RunId.ShouldBe("20260602T020000Z-abcd");
        plan.Checksum.ShouldStartWith("sha256:");
    }

    [Fact]
    public void Read_RoundTrip_KeepsEverything()
    {
        var written = Plan();
        var path = Written(written);

        var (read, error) = PlanFile.Read(path, "sha256:config", Some.Now, 24);

        error.ShouldBeNull();
        read!.Deletes.ShouldBe(written.Deletes);
        File.Delete(path);
    }
}
