namespace OciCleanup.Cleaner.Inventory;

/// <summary>A manifest exactly as the registry serves it: the bytes its digest is computed over, and its media type.</summary>
internal sealed record RawManifest(byte[] Bytes, string MediaType)
{
    public Pins.Digest Digest => Pins.Digest.Sha256Of(Bytes);
}
