namespace OciCleanup.Pins.Protection;

/// <summary>Why something must not be deleted: a kind from <see cref="ReasonKind"/> and where it came from.</summary>
/// <param name="Kind">The reason kind, e.g. <c>pin</c>.</param>
/// <param name="Detail">Provenance: <c>FILE:LINE</c>, or <c>cluster/namespace/Kind/name[/container]</c>.</param>
public sealed record ProtectionReason(string Kind, string Detail);
