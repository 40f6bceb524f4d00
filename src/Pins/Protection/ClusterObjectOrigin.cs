namespace OciCleanup.Pins.Protection;

/// <summary>
/// An object of a cluster: <c>cluster/namespace/Kind/name[/container]</c>, then in brackets where in
/// the object (a values path, <c>chart</c>, <c>spec.images[0]</c>) and what it lacks or is.
/// </summary>
/// <param name="Cluster">The cluster's configured name.</param>
/// <param name="Namespace">The object's namespace; null or empty for none (written <c>-</c>).</param>
/// <param name="Kind">The object's kind, e.g. <c>Deployment</c>.</param>
/// <param name="Name">The object's name.</param>
/// <param name="Container">The container (or <c>volume:NAME</c>) of a workload that names the image.</param>
public sealed record ClusterObjectOrigin(string Cluster, string? Namespace, string Kind, string Name, string? Container = null) : ReasonOrigin
{
    /// <summary>Where inside the object, e.g. the values path <c>image</c>, <c>chart</c>, <c>spec.ref.tag</c>.</summary>
    public string? At { get; init; }

    /// <summary>The one part of the image the values give (the chart's defaults hold the rest).</summary>
    public ImagePart? Only { get; init; }

    /// <summary>True for a suspended object whose setting applies once resumed (a Kustomization's <c>spec.images</c>).</summary>
    public bool Suspended { get; init; }

    /// <summary><c>HelmRelease kotkan/cms-plugins-staging in armer</c>.</summary>
    public string Named => $"{Kind} {NamespaceText}/{Name} in {Cluster}";

    /// <summary>The namespace as written, <c>-</c> for none.</summary>
    public string NamespaceText => string.IsNullOrEmpty(Namespace) ? "-" : Namespace;

    /// <inheritdoc />
    public override string Place => $"{Cluster}/{NamespaceText}/{Kind}/{Name}{(Container is null ? "" : "/" + Container)}";

    /// <summary>Everything in brackets after <see cref="Place"/>: where in the object, then what matching added.</summary>
    public string Notes => Note + Qualifiers;

    /// <inheritdoc />
    protected override string Text => Place + Note;

    private string Note => At is null
        ? ""
        : $" ({At}{Only switch { ImagePart.Tag => ": tag only", ImagePart.Digest => ": digest only", _ => "" }}{(Suspended ? ", suspended" : "")})";
}
