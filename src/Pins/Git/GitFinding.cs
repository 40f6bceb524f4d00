using OciCleanup.Pins.Protection;

namespace OciCleanup.Pins.Git;

/// <summary>One thing a YAML file in Git names, at a line of that file: what to protect, or a policy a marker names.</summary>
/// <param name="Target">What it protects; null for a marker, which the source resolves against the policies it has.</param>
/// <param name="Line">The 1-based line of the file.</param>
/// <param name="Policy">For a <c>$imagepolicy</c> marker: the policy's <c>namespace/name</c>.</param>
public sealed record GitFinding(ProtectionTarget? Target, int Line, string? Policy = null);
