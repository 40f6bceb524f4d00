namespace OciCleanup.Cleaner.Rollback;

/// <summary>Whether the registry still holds an earlier deploy's image after this run.</summary>
internal enum ImageState
{
    /// <summary>Kept: the object can roll back to it.</summary>
    Held,

    /// <summary>Still there, but this run plans to delete it (a dry run, or a blocked one).</summary>
    WouldDelete,

    /// <summary>Deleted by this run.</summary>
    DeletedNow,

    /// <summary>Not in the registry.</summary>
    Gone,
}
