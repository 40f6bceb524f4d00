namespace OciCleanup.Pins.Protection;

/// <summary>
/// Something a source could not resolve but did not fail on, for the report's <c>warnings</c>
/// (SPEC §8): tag-only Helm values, an empty tag before the first install, desired state Flux has
/// not resolved yet.
/// </summary>
/// <param name="Kind">A short kebab-case kind, e.g. <c>helm-tag-only</c>.</param>
/// <param name="Detail">What, where, and what to do about it.</param>
public sealed record SourceWarning(string Kind, string Detail);
