namespace OciCleanup.Pins.Protection;

/// <summary>How reading one reference source went.</summary>
public enum SourceStatus
{
    /// <summary>Read completely.</summary>
    Ok,

    /// <summary>Not read (unreachable, denied, invalid): deletes must be blocked.</summary>
    Failed,
}
