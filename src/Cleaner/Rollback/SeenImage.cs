namespace OciCleanup.Cleaner.Rollback;

/// <summary>One image an object named, and over which trusted runs.</summary>
/// <param name="Image">The canonical image reference (<c>ImageReference.ToString()</c>).</param>
/// <param name="FirstSeen">The first trusted run that saw the object name it.</param>
/// <param name="LastSeen">The last trusted run that saw the object name it.</param>
/// <param name="GoneAt">When a trusted run first found it no longer in the registry (deleted, or never pushed).</param>
internal sealed record SeenImage(string Image, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, DateTimeOffset? GoneAt = null);
