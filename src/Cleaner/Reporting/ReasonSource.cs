using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Which source produced a reason, from its origin, named as in the report's <c>sources</c>:
/// <c>pins:FILE</c> for a pin, <c>cluster:NAME</c> for a live reference, <c>git:NAME</c> for a file in
/// git; <c>rollback</c> for the rollback window, <c>retention</c> for the policy, <c>index</c> for a kept
/// index, <c>manifest</c> for a kept manifest's other tags and its signatures.
/// </summary>
internal static class ReasonSource
{
    public const string Retention = "retention";
    public const string Index = "index";
    public const string Manifest = "manifest";
    public const string Rollback = "rollback";

    public static string Of(ReasonEntry reason) => reason.Origin switch
    {
        PinsLineOrigin pins => "pins:" + pins.File,
        ClusterObjectOrigin cluster => "cluster:" + cluster.Cluster,
        GitOrigin git => "git:" + git.Source,
        RollbackOrigin => Rollback,
        _ => reason.Kind switch
        {
            ReasonKind.IndexChild => Index,
            ReasonKind.Artifact or ReasonKind.SameManifest => Manifest,
            Reason.Grace or Reason.KeepTag or Reason.KeepLast or Reason.KeepWithin or Reason.RemoveTag or Reason.Retention or Reason.Untagged => Retention,
            _ => reason.Kind,
        },
    };
}
