namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>A reference source with a bug: it throws instead of returning its failure.</summary>
internal sealed class ThrowingSource(Exception error) : IReferenceSource
{
    public Task<SourceResult> CollectAsync(CancellationToken cancellationToken) => Task.FromException<SourceResult>(error);
}
