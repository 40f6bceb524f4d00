namespace OciCleanup.Cleaner.Execution;

/// <summary>What <c>restore</c> did for one audit entry. Only restored and already-present are successes.</summary>
internal abstract record RestoreOutcome(string Kind, string? Why)
{
    public bool Succeeded => this is Restored or AlreadyPresent;

    /// <summary>The manifest is back under its tag or digest.</summary>
    /// <param name="Replaced">With <c>--force</c>: the digest the live tag pointed at before.</param>
    public sealed record Restored(Pins.Digest? Replaced = null) : RestoreOutcome("restored", Replaced is null ? null : $"replaced {Replaced} (--force)");

    /// <summary>The tag (or digest) resolves to the deleted manifest already: nothing pushed.</summary>
    public sealed record AlreadyPresent() : RestoreOutcome("already-present", "already there, nothing pushed");

    /// <summary>Pushing would be wrong (a live tag would be overwritten, the bytes are not what was deleted): nothing pushed.</summary>
    public sealed record Refused(string Reason) : RestoreOutcome("refused", Reason);

    /// <summary>The registry no longer holds what the manifest needs: nothing pushed.</summary>
    public sealed record TooLate(string Reason) : RestoreOutcome("too late", Reason);

    /// <summary>A request failed (a 5xx, a reset connection).</summary>
    public sealed record Failed(string Reason) : RestoreOutcome("failed", Reason);
}
