using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// One earlier deploy of an object: the images it stopped naming in the same run (a Deployment whose two
/// containers changed together is one deploy back, not two).
/// </summary>
/// <param name="Object">The object.</param>
/// <param name="Images">What it named then.</param>
/// <param name="Until">The last trusted run that saw it name them.</param>
/// <param name="DeploysBack">1 for the deploy before the current one.</param>
/// <param name="InWindow">True while it is protected: within <c>keep</c> deploys and <c>days</c>.</param>
internal sealed record Deploy(ObjectKey Object, ImmutableArray<SeenImage> Images, DateTimeOffset Until, int DeploysBack, bool InWindow);
