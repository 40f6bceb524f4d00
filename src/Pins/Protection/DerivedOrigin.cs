namespace OciCleanup.Pins.Protection;

/// <summary>
/// A kept version another reason derives from: the index that needs a child (<c>index-child</c>), the
/// subject of a signature (<c>artifact</c>), the tag sharing a manifest (<c>same-manifest</c>); the
/// reason's kind says which. Its detail is <c>VERSION (DIGEST)</c>.
/// </summary>
/// <param name="Version">The kept version (tag), e.g. <c>staging</c>.</param>
/// <param name="Digest">The kept version's manifest digest.</param>
public sealed record DerivedOrigin(string Version, Digest? Digest) : ReasonOrigin
{
    /// <inheritdoc />
    public override string Place => Version;

    /// <inheritdoc />
    protected override string Text => $"{Version} ({Digest})";
}
