using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.PinsFiles;

/// <summary>
/// A pins file as a reference source; each rule protects with reason <c>pin</c> at <c>FILE:LINE</c>.
/// An invalid file, or anything that goes wrong turning it into protections, fails the source.
/// </summary>
public sealed class PinsFileSource(PinsFile file) : IReferenceSource
{
    /// <inheritdoc />
    public Task<SourceResult> CollectAsync(CancellationToken cancellationToken)
    {
        var name = $"pins:{file.Path}";
        try
        {
            return Task.FromResult(file.IsValid
                ? SourceResult.Ok(name, file.Rules.Select(r => new Protection.Protection(new PinTarget(r), new ProtectionReason(ReasonKind.Pin, r.Origin))))
                : SourceResult.Failed(name, string.Join("; ", file.Errors)));
        }
        catch (Exception e)
        {
            return Task.FromResult(SourceResult.Failed(name, ErrorText.Of(e)));
        }
    }
}
