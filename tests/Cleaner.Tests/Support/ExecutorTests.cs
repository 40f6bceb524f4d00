namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>Tests of the delete executor: each gets its own <see cref="ExecutorRun"/>, disposed after it.</summary>
public abstract class ExecutorTests : IDisposable
{
    internal ExecutorRun Run { get; } = new();

    internal MemoryRegistry Registry => Run.Registry;

    public void Dispose()
    {
        Run.Dispose();
        GC.SuppressFinalize(this);
    }
}
