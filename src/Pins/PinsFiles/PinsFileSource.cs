using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.PinsFiles;

/// <summary>A pins file as a reference source; each rule protects with reason <c>pin</c> at <c>FILE:LINE</c>.</summary>
public sealed class PinsFileSource(PinsFile file) : IReferenceSource
{
    /// <inheritdoc />
    public Task<SourceResult> CollectAsync(CancellationToken cancellationToken) =>
        Task.FromResult(file.IsValid
            ? SourceResult.Ok($"pins:{file.Path}", file.Rules.Select(r => new Protection.Protection(new PinTarget(r), new ProtectionReason(ReasonKind.Pin, r.Location))))
            : SourceResult.Failed($"pins:{file.Path}", string.Join("; ", file.Errors)));
}
