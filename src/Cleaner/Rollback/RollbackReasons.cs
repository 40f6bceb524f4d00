using OciCleanup.Pins;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>The one place a window protection is made (so typed reason origins can replace the text here).</summary>
internal static class RollbackReasons
{
    /// <summary>The reason kind (docs/references.md, "Reasons").</summary>
    public const string Kind = ReasonKind.Rollback;

    /// <summary>"ran as armer kotkan/Deployment/api until 2026-11-20, 2 deploys back".</summary>
    public static ProtectionReason Of(Deploy deploy) =>
        new(Kind, new RollbackOrigin(deploy.Object.Cluster, deploy.Object.Namespace, deploy.Object.Kind, deploy.Object.Name, deploy.Until, deploy.DeploysBack));

    /// <summary>What the window keeps: each image of each deploy in it, as any other reference (tags, digests, indexes alike).</summary>
    public static IEnumerable<Protection> Protect(IEnumerable<Deploy> deploys) =>
        from deploy in deploys
        where deploy.InWindow
        from image in deploy.Images
        where ImageReference.TryParse(image.Image, out _, out _)
        select new Protection(new ImageTarget(ImageReference.Parse(image.Image)), Of(deploy)) { IsHistory = true };
}
