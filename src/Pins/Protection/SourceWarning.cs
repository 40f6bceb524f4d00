namespace OciCleanup.Pins.Protection;

/// <summary>
/// Something a source could not resolve but did not fail on, for the report's <c>warnings</c>
/// (docs/references.md, "Warnings"): tag-only Helm values, an empty tag before the first install, desired state Flux has
/// not resolved yet, an ImagePolicy whose ImageRepository does not exist.
/// </summary>
/// <param name="Kind">One of the closed list of kinds.</param>
/// <param name="Detail">What, where, and what to do about it.</param>
public sealed record SourceWarning(WarningKind Kind, string Detail);
