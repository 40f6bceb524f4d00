using OciCleanup.Cleaner.Scheduling;

namespace OciCleanup.Cleaner.Tests.Scheduling;

public sealed class RunMetricsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 3, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Tuesday = Monday.AddDays(1);

    [Fact]
    public void Of_SuccessfulRun_LastSuccessIsThisRun()
    {
        var metrics = RunMetrics.Of(null, TimeSpan.FromSeconds(3), ExitCodes.Success, Tuesday, runsTotal: 2, lastSuccessBefore: Monday);

        metrics.LastSuccessAt.ShouldBe(Tuesday);
        metrics.ToPrometheusText().ShouldContain($"\noci_cleanup_last_success_timestamp_seconds {Tuesday.ToUnixTimeSeconds()}\n");
    }

    [Fact]
    public void Of_FailedRun_KeepsThePreviousSuccess()
    {
        var metrics = RunMetrics.Of(null, TimeSpan.FromSeconds(3), ExitCodes.Failed, Tuesday, runsTotal: 2, lastSuccessBefore: Monday);

        metrics.ToPrometheusText().ShouldContain($"\noci_cleanup_last_success_timestamp_seconds {Monday.ToUnixTimeSeconds()}\n");
        metrics.ToPrometheusText().ShouldContain("\noci_cleanup_last_run_success 0\n");
    }

    [Fact]
    public void ToPrometheusText_NeverSucceeded_LeavesLastSuccessOut()
    {
        var text = RunMetrics.Of(null, TimeSpan.Zero, ExitCodes.Failed, Tuesday, runsTotal: 1, lastSuccessBefore: null).ToPrometheusText();

        text.ShouldNotContain("last_success_timestamp_seconds");
    }

    [Fact]
    public void ToPrometheusText_AnyRun_HasBuildInfoWithTheVersion()
    {
        var text = RunMetrics.Of(null, TimeSpan.Zero, ExitCodes.Success, Tuesday, 1, null).ToPrometheusText();

        text.ShouldStartWith("# HELP oci_cleanup_build_info ");
        text.ShouldContain($"\noci_cleanup_build_info{{version=\"{BuildInfo.Version}\"}} 1\n");
        BuildInfo.Version.ShouldMatch(@"^\d+\.\d+\.\d+$");
        RunMetrics.BeforeFirstRun(0).ShouldContain("oci_cleanup_build_info{version=");
    }

    [Fact]
    public void ToPrometheusText_ReclaimableBytes_OnlyWhenKnown()
    {
        var summary = new Summary(10, 4, 6, 0, 0, false, null);
        var unknown = RunMetrics.Of(null, TimeSpan.Zero, 0, Tuesday, 1, null) with { Summary = summary };

        unknown.ToPrometheusText().ShouldNotContain("reclaimable");
        (unknown with { ReclaimableBytes = 123456789 }).ToPrometheusText().ShouldContain("\noci_cleanup_last_run_reclaimable_bytes 123456789\n");
    }

    [Fact]
    public void PreviousRunsParse_WhatToPrometheusTextWrote_RoundTrips()
    {
        var text = RunMetrics.Of(null, TimeSpan.Zero, ExitCodes.Failed, Tuesday, runsTotal: 41, lastSuccessBefore: Monday.AddMilliseconds(250)).ToPrometheusText();

        PreviousRuns.Parse(text).ShouldBe(new PreviousRuns(41, Monday.AddMilliseconds(250)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>not metrics</html>")]
    [InlineData("oci_cleanup_runs_total NaN\noci_cleanup_last_success_timestamp_seconds -5")]
    public void PreviousRunsParse_NothingUsable_CountsAsNone(string text)
    {
        PreviousRuns.Parse(text).ShouldBe(PreviousRuns.None);
    }
}
