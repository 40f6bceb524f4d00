using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Reporting;

/// <summary>
/// Which source produced a reason, named as in the report's <c>sources</c>: <c>pins:FILE</c> for a pin,
/// <c>cluster:NAME</c> for a live reference, <c>retention</c> for the policy, <c>index</c> for a kept index,
/// <c>manifest</c> for a kept manifest's other tags and its signatures.
/// </summary>
internal static class ReasonSource
{
    public const string Retention = "retention";
    public const string Index = "index";
    public const string Manifest = "manifest";

    public static string Of(ReasonEntry reason) => reason.Kind switch
    {
        ReasonKind.Pin => "pins:" + (reason.Detail.LastIndexOf(':') is var colon and > 0 ? reason.Detail[..colon] : reason.Detail),
        ReasonKind.Git => "git:" + (reason.Detail.IndexOf('@') is var at and > 0 ? reason.Detail[..at] : reason.Detail),
        ReasonKind.IndexChild => Index,
        ReasonKind.Artifact or ReasonKind.SameManifest => Manifest,
        Reason.Grace or Reason.KeepTag or Reason.KeepLast or Reason.KeepWithin or Reason.RemoveTag or Reason.Retention or Reason.Untagged => Retention,
        _ => reason.Detail.IndexOf('/') is var slash and > 0 ? "cluster:" + reason.Detail[..slash] : reason.Kind,
    };
}
