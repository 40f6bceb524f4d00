namespace OciCleanup.Pins.Protection;

/// <summary>A place references come from: a pins file, a cluster. Never throws for an unreachable source: it says so.</summary>
public interface IReferenceSource
{
    /// <summary>Reads the source completely, or returns a failed result saying why.</summary>
    Task<SourceResult> CollectAsync(CancellationToken cancellationToken);
}
