namespace OciCleanup.Pins.Protection;

/// <summary>One thing that must never be deleted, and why.</summary>
public sealed record Protection(ProtectionTarget Target, ProtectionReason Reason);
