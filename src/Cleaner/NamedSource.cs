using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner;

/// <summary>A reference source with the name the report and the breaker know it by (<c>pins:FILE</c>, <c>cluster:NAME</c>).</summary>
internal sealed record NamedSource(string Name, IReferenceSource Source);
