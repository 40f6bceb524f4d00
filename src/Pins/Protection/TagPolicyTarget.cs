using OciCleanup.Pins.DesiredState;

namespace OciCleanup.Pins.Protection;

/// <summary>
/// The tag(s) a Flux rule would pick now from one repository's tags (an ImagePolicy, an OCIRepository
/// <c>ref.semver</c>, a chart version range): the cleaner lists that repository's tags, calls
/// <see cref="TagPolicy.Pick"/>, protects the picked versions and reports the pick's warnings.
/// Equal by value, like every target.
/// </summary>
/// <param name="Registry">The image's registry host, as in <see cref="ImageReference.Registry"/>.</param>
/// <param name="Repository">The repository path, as in <see cref="ImageReference.Repository"/>.</param>
/// <param name="Policy">The rule.</param>
public sealed record TagPolicyTarget(string Registry, string Repository, TagPolicy Policy) : ProtectionTarget;
