namespace OciCleanup.Demo;

/// <summary>
/// One owned app of the seed-004 fleet: its ghcr.io package, how many daily CI builds it has pushed
/// (each tagged with the commit's short sha, <c>latest</c> moving to the newest), and how the cluster
/// runs it: a Deployment on the sha of <paramref name="DeployedBuild"/> set by <c>kubectl set image</c>
/// (the <paramref name="History"/> builds before it left as old ReplicaSets), or a CronJob on <c>latest</c>.
/// </summary>
internal sealed record GhcrApp(
    string Name,
    bool Public,
    int Builds,
    int? DeployedBuild = null,
    int History = 3,
    bool CronOnLatest = false,
    string[]? Architectures = null,
    bool Signed = false);
