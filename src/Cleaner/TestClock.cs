using System.Globalization;

namespace OciCleanup.Cleaner;

/// <summary>
/// For tests only: <c>OCI_CLEANUP_TEST_NOW</c> (an ISO 8601 time) starts the process clock at that time, so an
/// integration test can run nightly runs days apart (the rollback window's <c>days</c>). Not configuration:
/// read once, by <see cref="CompositionRoot.ForProcess"/> only.
/// </summary>
internal sealed class TestClock : TimeProvider
{
    public const string Variable = "OCI_CLEANUP_TEST_NOW";

    private readonly TimeSpan _shift;

    private TestClock(DateTimeOffset start) => _shift = start - System.GetUtcNow();

    /// <summary>The system clock, or one shifted to start at <c>OCI_CLEANUP_TEST_NOW</c> when a test sets it.</summary>
    public static TimeProvider FromEnvironment() =>
        DateTimeOffset.TryParse(Environment.GetEnvironmentVariable(Variable), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? new TestClock(start)
            : System;

    // Time moves on from the start as it does on the wall; timers and timestamps stay the system's.
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
