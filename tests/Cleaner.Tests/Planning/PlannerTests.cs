using OciCleanup.Pins;

namespace OciCleanup.Cleaner.Tests.Planning;

public class PlannerTests
{
    private static readonly ImmutableDictionary<VersionKey, ImmutableArray<Reason>> NoProtection = ImmutableDictionary<VersionKey, ImmutableArray<Reason>>.Empty;

    private static Decision DecisionFor(Plan plan, string version) => plan.Decisions.Single(d => d.Version.Version == version);

    // One row per rule of SPEC §6, in the order they are checked. The target version "t" is
    // accompanied by 3 newer tagged versions, so keepLast=2 does not reach it.
    [Theory]
    [InlineData("t", 30.0, "protected", "keep", "pin")]
    [InlineData("t", 0.1, "", "keep", "grace")]
    [InlineData("latest", 30.0, "", "keep", "keep-tag")]
    [InlineData("pr-12", 30.0, "", "delete", "remove-tag")]
    [InlineData("t", 5.0, "", "keep", "keep-within")]
    [InlineData("t", 30.0, "", "delete", "retention")]
    [InlineData("pr-12", 0.1, "", "keep", "grace")]
    [InlineData("pr-12", 30.0, "protected", "keep", "pin")]
    [InlineData("latest", 30.0, "protected", "keep", "pin")]
    public void Plan_Rules_FirstHoldingRuleDecides(string version, double daysAgo, string protection, string action, string mainReason)
    {
        var target = Some.Version(version, daysAgo);
        var inventory = Some.Array(target, Some.Version("n1", 1), Some.Version("n2", 1), Some.Version("n3", 1));
        var protections = protection == "protected"
            ? NoProtection.Add(target.Key, [new Reason(ReasonKind.Pin, new PinsLineOrigin("pins.txt", 1))])
            : NoProtection;

        var plan = Planner.Plan(inventory, protections, Some.Retention(Some.Policy(keepLast: 2, removeTags: ["^pr-"])), Some.Now);

        var decision = DecisionFor(plan, version);
        decision.Action.ToString().ToLowerInvariant().ShouldBe(action);
        decision.MainReason.Kind.ShouldBe(mainReason);
    }

    [Fact]
    public void Plan_KeepLast_CountsTaggedVersionsOnlyNewestFirst()
    {
        var inventory = Some.Array(
            Some.Version("v1", 40), Some.Version("v2", 30), Some.Version("v3", 20),
            Some.Version("sha256:" + new string('a', 64), 19),
            Some.Version("v4", 18));

        var plan = Planner.Plan(inventory, NoProtection, Some.Retention(Some.Policy(keepLast: 2, keepWithinDays: 1)), Some.Now);

        plan.Keeps.Select(d => d.Version.Version).ShouldBe(["v4", "v3"]);
        DecisionFor(plan, "v3").MainReason.Detail.ShouldBe("#2 of the newest 2 tagged");
        DecisionFor(plan, "sha256:" + new string('a', 64)).MainReason.Kind.ShouldBe(Reason.Untagged);
    }

    [Fact]
    public void Plan_EveryReasonThatHolds_IsListedInRuleOrder()
    {
        var target = Some.Version("latest", 0.1);
        var protections = NoProtection.Add(target.Key, [new Reason(ReasonKind.Workload, new ClusterObjectOrigin("armer", "default", "Pod", "web", "web"))]);

        var plan = Planner.Plan([target], protections, Some.Retention(), Some.Now);

        // A keepTags match takes no keepLast slot (SPEC §6), so keep-last cannot hold with keep-tag.
        DecisionFor(plan, "latest").Reasons.Select(r => r.Kind).ShouldBe(["workload", "grace", "keep-tag", "keep-within"]);
        var build = Some.Version("v7", 0.1);
        Planner.Plan([build], NoProtection.Add(build.Key, [new Reason(ReasonKind.Workload, new ClusterObjectOrigin("armer", "default", "Pod", "w"))]), Some.Retention(), Some.Now)
            .Decisions[0].Reasons.Select(r => r.Kind).ShouldBe(["workload", "grace", "keep-last", "keep-within"]);
    }

    [Fact]
    public void Plan_SignatureAndKeepTags_DoNotDiluteKeepLast()
    {
        // keepLast 3 keeps three signed builds, not one build and its .sig/.att and latest.
        var builds = Enumerable.Range(1, 5).Select(i => Some.Version($"v{i}", 100 - i)).ToList();
        var artifacts = builds.SelectMany(b => new[]
        {
            Some.Version($"sha256-{b.Digest!.Value.Hex}.sig", 100 - int.Parse(b.Version[1..], System.Globalization.CultureInfo.InvariantCulture) - 0.01),
            Some.Version($"sha256-{b.Digest!.Value.Hex}.att", 100 - int.Parse(b.Version[1..], System.Globalization.CultureInfo.InvariantCulture) - 0.02),
        }).ToList();
        var latest = Some.Version("latest", 1, digestSeed: "cms-pluginsv5");

        var plan = Planner.Plan([.. builds, .. artifacts, latest], NoProtection, Some.Retention(Some.Policy(keepLast: 3, keepWithinDays: 0)), Some.Now);

        plan.Decisions.Where(d => d.Action == DecisionAction.Keep && d.Version.Version.StartsWith('v')).Select(d => d.Version.Version).ShouldBe(["v5", "v4", "v3"], ignoreOrder: true);
        plan.Decisions.Count(d => d.Action == DecisionAction.Keep && d.Version.Version.StartsWith("sha256-", StringComparison.Ordinal)).ShouldBe(6, "each kept build keeps its signature and attestation");
        DecisionFor(plan, "latest").MainReason.Kind.ShouldBe(Reason.KeepTag);
    }

    [Fact]
    public void Plan_SameCreationTime_TiesByVersionWithNumbersAsNumbers()
    {
        // Reproducible builds and charts without `created` tie; SPEC §6: ties by version name, 1.10 after 1.9.
        var versions = new[] { "0.10.0", "0.2.0", "0.9.0" }.Select(v => Some.Version(v, 30)).ToList();

        var plan = Planner.Plan([.. versions], NoProtection, Some.Retention(Some.Policy(keepLast: 1, keepWithinDays: 0)), Some.Now);

        plan.Decisions.Select(d => d.Version.Version).ShouldBe(["0.2.0", "0.9.0", "0.10.0"]);
    }

    [Theory]
    [InlineData(1.0, "keep", "grace")]
    [InlineData(3.0, "delete", "untagged")]
    public void Plan_UntaggedManifest_GraceThenDeleted(double daysAgo, string action, string reason)
    {
        var untagged = Some.Version("sha256:" + new string('b', 64), daysAgo);

        var plan = Planner.Plan([untagged], NoProtection, Some.Retention(Some.Policy(untaggedAfterDays: 2)), Some.Now);

        plan.Decisions[0].Action.ToString().ToLowerInvariant().ShouldBe(action);
        plan.Decisions[0].MainReason.Kind.ShouldBe(reason);
    }

    [Fact]
    public void Plan_KeptIndex_KeepsItsChildrenEvenWhenOld()
    {
        var amd64 = Some.Version("sha256:" + Some.Digest("amd64").Hex, 90);
        var arm64 = Some.Version("sha256:" + Some.Digest("arm64").Hex, 90);
        var index = Some.Version("v1", 90) with { Children = [amd64.Digest!.Value, arm64.Digest!.Value] };
        var protections = NoProtection.Add(index.Key, [new Reason(ReasonKind.Pin, new PinsLineOrigin("pins.txt", 1))]);

        var plan = Planner.Plan([index, amd64, arm64], protections, Some.Retention(Some.Policy(keepLast: 0, keepWithinDays: 0)), Some.Now);

        plan.Deletes.ShouldBeEmpty();
        DecisionFor(plan, amd64.Version).MainReason.ShouldBe(new Reason(ReasonKind.IndexChild, new DerivedOrigin("v1", index.Digest)));
    }

    [Fact]
    public void Plan_DeletedIndex_ItsChildrenFollowTheUntaggedRule()
    {
        var child = Some.Version("sha256:" + Some.Digest("amd64").Hex, 90);
        var index = Some.Version("v1", 90) with { Children = [child.Digest!.Value] };

        var plan = Planner.Plan([index, child], NoProtection, Some.Retention(Some.Policy(keepLast: 0, keepWithinDays: 0)), Some.Now);

        plan.Deletes.Select(d => d.MainReason.Kind).ShouldBe(["retention", "untagged"], ignoreOrder: true);
    }

    [Fact]
    public void Plan_ChildHeldOnlyByATag_KeepsThatTag()
    {
        var platformTag = Some.Version("v1-amd64", 90, digestSeed: "amd64");
        var index = Some.Version("v1", 90) with { Children = [Some.Digest("amd64")] };
        var protections = NoProtection.Add(index.Key, [new Reason(ReasonKind.ImagePolicy, new ClusterObjectOrigin("armer", "flux-system", "ImagePolicy", "app"))]);

        var plan = Planner.Plan([index, platformTag], protections, Some.Retention(Some.Policy(keepLast: 0, keepWithinDays: 0)), Some.Now);

        DecisionFor(plan, "v1-amd64").Action.ShouldBe(DecisionAction.Keep);
        DecisionFor(plan, "v1-amd64").MainReason.Kind.ShouldBe(ReasonKind.IndexChild);
    }

    [Fact]
    public void Plan_PackageOverride_FirstMatchWins()
    {
        var inventory = Enumerable.Range(1, 8).Select(i => Some.Version($"0.1.{i}", 100 - i)).Concat(Enumerable.Range(1, 8).Select(i => Some.Version($"1.{i}", 100 - i, name: "other"))).ToImmutableArray();
        var retention = Some.Retention(
            Some.Policy(keepLast: 6, keepWithinDays: 0),
            new PackageRetention(new Glob("container/cms-*"), Some.Policy(keepLast: 2, keepWithinDays: 0)),
            new PackageRetention(new Glob("container/*"), Some.Policy(keepLast: 4, keepWithinDays: 0)));

        var plan = Planner.Plan(inventory, NoProtection, retention, Some.Now);

        plan.Keeps.Count(d => d.Version.Name == "cms-plugins").ShouldBe(2);
        plan.Keeps.Count(d => d.Version.Name == "other").ShouldBe(4);
    }

    [Fact]
    public void Plan_Output_IsTotalAndDeterministic()
    {
        var inventory = Some.Array(Some.Version("b", 20, name: "z"), Some.Version("a", 20, name: "z"), Some.Version("c", 30, name: "a"));

        var first = Planner.Plan(inventory, NoProtection, Some.Retention(), Some.Now);
        var second = Planner.Plan([.. inventory.Reverse()], NoProtection, Some.Retention(), Some.Now);

        first.Decisions.Length.ShouldBe(3);
        first.Decisions.Select(d => d.Version.ToString()).ShouldBe(second.Decisions.Select(d => d.Version.ToString()));
        first.Decisions.Select(d => $"{d.Version.Name}/{d.Version.Version}").ShouldBe(["a/c", "z/a", "z/b"]);
    }

    // Property: over many random inventories, no protected version is ever planned for deletion,
    // and applying a plan then planning again deletes nothing new.
    [Fact]
    public void Plan_RandomInventories_NeverDeletesProtectedAndIsStable()
    {
        var random = new Random(20260602);
        for (var round = 0; round < 300; round++)
        {
            var versions = Enumerable.Range(0, random.Next(1, 40))
                .Select(i => random.Next(4) == 0
                    ? Some.Version("sha256:" + Some.Digest($"{round}-{i}").Hex, random.NextDouble() * 60, name: $"p{random.Next(3)}")
                    : Some.Version($"v{i}", random.NextDouble() * 60, name: $"p{random.Next(3)}"))
                .ToList();
            foreach (var index in versions.Where(v => v.IsTagged && random.Next(5) == 0).ToList())
            {
                var children = versions.Where(v => !v.IsTagged && v.Name == index.Name).Take(2).Select(v => v.Digest!.Value).ToImmutableArray();
                versions[versions.IndexOf(index)] = index with { Children = children };
            }

            var protections = versions.Where(_ => random.Next(6) == 0).ToImmutableDictionary(v => v.Key, _ => ImmutableArray.Create(new Reason(ReasonKind.Pin, new PinsLineOrigin("p", 1))));
            var retention = Some.Retention(Some.Policy(keepLast: random.Next(0, 5), keepWithinDays: random.Next(0, 20), minAgeHours: random.Next(0, 48)));

            var plan = Planner.Plan([.. versions], protections, retention, Some.Now);

            plan.Decisions.Length.ShouldBe(versions.Count);
            plan.Deletes.ShouldAllBe(d => !protections.ContainsKey(d.Version.Key));
            var keptChildren = plan.Keeps.SelectMany(d => d.Version.IndexChildren).ToHashSet();
            plan.Deletes.ShouldAllBe(d => d.Version.Digest == null || !keptChildren.Contains(d.Version.Digest.Value) || d.Version.IsTagged);
            var remaining = plan.Keeps.Select(d => d.Version).ToImmutableArray();
            Planner.Plan(remaining, protections, retention, Some.Now).Deletes.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData(".sig")]
    [InlineData(".att")]
    [InlineData(".sbom")]
    [InlineData("")]
    public void Plan_SignatureOfKeptDigest_IsKeptWithIt(string suffix)
    {
        var signed = Some.Version("v1", 90);
        var signature = Some.Version($"sha256-{signed.Digest!.Value.Hex}{suffix}", 90);
        var orphan = Some.Version($"sha256-{Some.Digest("gone").Hex}{suffix}", 90);
        var protections = NoProtection.Add(signed.Key, [new Reason(ReasonKind.Pin, new PinsLineOrigin("pins.txt", 1))]);

        var plan = Planner.Plan([signed, signature, orphan], protections, Some.Retention(Some.Policy(keepLast: 0, keepWithinDays: 0)), Some.Now);

        DecisionFor(plan, signature.Version).Action.ShouldBe(DecisionAction.Keep);
        DecisionFor(plan, signature.Version).MainReason.ShouldBe(new Reason(ReasonKind.Artifact, new DerivedOrigin("v1", signed.Digest)));
        DecisionFor(plan, orphan.Version).Action.ShouldBe(DecisionAction.Delete);
    }

    // SPEC §6: a tag whose manifest is kept through another tag is kept too (same-manifest); only
    // removeTags deletes it, and only where the registry deletes tags one by one.
    [Theory]
    [InlineData(false, "", "keep", "same-manifest")]
    [InlineData(true, "", "keep", "same-manifest")]
    [InlineData(false, "^production-latest$", "delete", "remove-tag")]
    [InlineData(true, "^production-latest$", "keep", "same-manifest")]
    public void Plan_TagSharingDigestWithKeptTag_KeptAsSameManifest(bool byDigest, string removeTags, string action, string reason)
    {
        var production = Some.Version("production", 90, digestSeed: "build 20", registry: "lan");
        var productionLatest = Some.Version("production-latest", 90, digestSeed: "build 20", registry: "lan");
        var release = Some.Version("0.1.20", 91, digestSeed: "build 20", registry: "lan");
        var protections = NoProtection.Add(production.Key, [new Reason(ReasonKind.ImagePolicy, new ClusterObjectOrigin("armer", "kotkan", "ImagePolicy", "production"))]);
        var policy = Some.Policy(keepLast: 0, keepWithinDays: 0, removeTags: removeTags.Length == 0 ? [] : [removeTags]);

        var plan = Planner.Plan([production, productionLatest, release], protections, Some.Retention(policy), Some.Now,
            byDigest ? new HashSet<string> { "lan" } : null);

        DecisionFor(plan, "production-latest").Action.ToString().ToLowerInvariant().ShouldBe(action);
        DecisionFor(plan, "production-latest").MainReason.Kind.ShouldBe(reason);
        DecisionFor(plan, "0.1.20").MainReason.ShouldBe(new Reason(ReasonKind.SameManifest, new DerivedOrigin("production", production.Digest)));
    }

    // SPEC §6: keepLast counts builds — distinct manifests among tagged versions, not artifact tags
    // nor keepTags matches. Each row lists versions newest first as `tag=build` (`sig=build` is the
    // build's cosign signature) and the kept ones as `tag:kind[#rank]`; every other version is deleted.
    [Theory]
    [InlineData(2, "0.1.40=b40,staging=b40,staging-latest=b40,0.1.39=b39,0.1.38=b38",
        "0.1.40:keep-last#1,staging:keep-last#1,staging-latest:keep-last#1,0.1.39:keep-last#2")]
    [InlineData(2, "latest=b41,0.1.41=b41,sig=b41,0.1.40=b40,sig=b40,0.1.39=b39",
        "latest:keep-tag,0.1.41:keep-last#1,sig=b41:artifact,0.1.40:keep-last#2,sig=b40:artifact")]
    [InlineData(1, "latest=b41,0.1.40=b40,staging=b40,0.1.39=b39",
        "latest:keep-tag,0.1.40:keep-last#1,staging:keep-last#1")]
    [InlineData(3, "a=b3,b=b2,c=b3,d=b1,e=b0", "a:keep-last#1,b:keep-last#2,c:keep-last#1,d:keep-last#3")]
    public void Plan_KeepLast_CountsBuildsNotTags(int keepLast, string newestFirst, string expectedKept)
    {
        var versions = newestFirst.Split(',').Select((entry, i) =>
        {
            var (tag, build) = (entry.Split('=')[0], entry.Split('=')[1]);
            var name = tag == "sig" ? $"sha256-{Some.Digest(build).Hex}.sig" : tag;
            return (Label: tag == "sig" ? entry : tag, Version: Some.Version(name, 30 + i, digestSeed: tag == "sig" ? "sig " + build : build));
        }).ToList();

        var plan = Planner.Plan([.. versions.Select(v => v.Version)], NoProtection, Some.Retention(Some.Policy(keepLast: keepLast, keepWithinDays: 0)), Some.Now);

        var kept = versions.Select(v => (v.Label, Decision: DecisionFor(plan, v.Version.Version)))
            .Where(v => v.Decision.Action == DecisionAction.Keep)
            .Select(v => $"{v.Label}:{v.Decision.MainReason.Kind}{(v.Decision.MainReason.Kind == Reason.KeepLast ? "#" + v.Decision.MainReason.Detail[1..v.Decision.MainReason.Detail.IndexOf(' ', StringComparison.Ordinal)] : "")}");
        string.Join(",", kept).ShouldBe(expectedKept);
    }

    [Fact]
    public void Plan_TwoIndexesShareAChild_DeletingOneLeavesTheChildForTheOther()
    {
        var shared = Some.Version("sha256:" + Some.Digest("shared-amd64").Hex, 90);
        var onlyOld = Some.Version("sha256:" + Some.Digest("old-arm64").Hex, 90);
        var oldIndex = Some.Version("v1", 90) with { Children = [shared.Digest!.Value, onlyOld.Digest!.Value] };
        var keptIndex = Some.Version("v2", 80) with { Children = [shared.Digest!.Value] };
        var protections = NoProtection.Add(keptIndex.Key, [new Reason(ReasonKind.Pin, new PinsLineOrigin("pins.txt", 1))]);

        var plan = Planner.Plan([oldIndex, keptIndex, shared, onlyOld], protections, Some.Retention(Some.Policy(keepLast: 0, keepWithinDays: 0)), Some.Now);

        plan.Deletes.Select(d => d.Version.Version).ShouldBe(["v1", onlyOld.Version], ignoreOrder: true);
        DecisionFor(plan, shared.Version).MainReason.Kind.ShouldBe(ReasonKind.IndexChild);
    }

    // Property over the shapes the digest-index closure and the lookup matcher must handle: cosign
    // signatures of digests, tags sharing a digest, indexes nested in untagged indexes, removeTags,
    // and registries that delete by digest. Nothing protected, nothing a kept index reaches (at any
    // depth), no signature of a kept digest and no manifest a kept version shares (save a removeTags
    // match where tags are deleted one by one) is deleted; and applying the plan, then planning again, deletes nothing new.
    [Fact]
    public void Plan_RandomShapedInventories_KeepsEverythingAKeptVersionReaches()
    {
        var random = new Random(20261123);
        for (var round = 0; round < 300; round++)
        {
            var byDigest = random.Next(2) == 0;
            var registry = byDigest ? "lan" : "main";
            var versions = new List<PackageVersion>();
            for (var i = 0; i < random.Next(2, 30); i++)
            {
                var name = $"p{random.Next(2)}";
                // Every third tag reuses an earlier build's manifest (staging and staging-latest).
                var seed = random.Next(3) == 0 ? $"{round}-build{random.Next(4)}" : $"{round}-{i}";
                versions.Add(Some.Version($"v{i}", random.NextDouble() * 60, name: name, digestSeed: seed, registry: registry));
                if (random.Next(4) == 0)
                {
                    versions.Add(Some.Version("sha256:" + Some.Digest($"{round}-u{i}").Hex, random.NextDouble() * 60, name: name, digestSeed: $"{round}-u{i}", registry: registry));
                }
            }

            // Indexes: a tagged version gets untagged children; an untagged child may itself be an index (nested).
            foreach (var index in versions.Where(v => random.Next(4) == 0).ToList())
            {
                var candidates = versions.Where(v => !v.IsTagged && v.Name == index.Name && v.Digest != index.Digest && v.IndexChildren.IsEmpty).ToList();
                var children = candidates.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).Select(v => v.Digest!.Value).ToImmutableArray();
                versions[versions.IndexOf(index)] = index with { Children = children };
            }

            // Signatures of some digests, some of which are gone.
            foreach (var signed in versions.Where(v => random.Next(5) == 0).ToList())
            {
                versions.Add(Some.Version($"sha256-{signed.Digest!.Value.Hex}.sig", random.NextDouble() * 60, name: signed.Name, digestSeed: $"sig-{signed.Version}-{round}", registry: registry));
            }

            var protections = versions.Where(_ => random.Next(6) == 0).DistinctBy(v => v.Key).ToImmutableDictionary(v => v.Key, _ => ImmutableArray.Create(new Reason(ReasonKind.Pin, new PinsLineOrigin("p", 1))));
            var retention = Some.Retention(Some.Policy(keepLast: random.Next(0, 4), keepWithinDays: random.Next(0, 20), untaggedAfterDays: random.Next(0, 5), minAgeHours: random.Next(0, 48),
                removeTags: random.Next(3) == 0 ? ["^v1"] : []));
            var deletesByDigest = byDigest ? new HashSet<string> { "lan" } : null;

            var plan = Planner.Plan([.. versions], protections, retention, Some.Now, deletesByDigest);

            plan.Decisions.Length.ShouldBe(versions.Count);
            plan.Deletes.ShouldAllBe(d => !protections.ContainsKey(d.Version.Key));
            var kept = plan.Keeps.Select(d => d.Version).ToList();
            var reached = Reach(kept, versions);
            plan.Deletes.Where(d => !d.Version.IsTagged && reached.Contains((d.Version.Name, d.Version.Digest!.Value))).ShouldBeEmpty("a child a kept index reaches");
            var keptDigests = kept.Select(v => (v.Name, v.Digest!.Value.Hex)).ToHashSet();
            plan.Deletes.Where(d => d.Version.Version.StartsWith("sha256-", StringComparison.Ordinal) && keptDigests.Contains((d.Version.Name, d.Version.Version.Substring(7, 64)))).ShouldBeEmpty("a signature of a kept digest");
            // A tag of a kept manifest stays (same-manifest), save removeTags where tags are deleted one by one.
            plan.Deletes.Where(d => keptDigests.Contains((d.Version.Name, d.Version.Digest!.Value.Hex)) && (byDigest || d.MainReason.Kind != Reason.RemoveTag))
                .ShouldBeEmpty("a manifest a kept version shares");

            Planner.Plan([.. kept], protections, retention, Some.Now, deletesByDigest).Deletes.ShouldBeEmpty();
        }
    }

    /// <summary>Every (package, digest) a kept version reaches through index children, at any depth: the reference closure, computed naively.</summary>
    private static HashSet<(string Name, Digest Digest)> Reach(List<PackageVersion> kept, List<PackageVersion> all)
    {
        var reached = new HashSet<(string, Digest)>();
        var work = new Stack<(string Name, Digest Digest)>(kept.Select(v => (v.Name, v.Digest!.Value)));
        while (work.TryPop(out var next))
        {
            if (reached.Add(next))
            {
                foreach (var child in all.Where(v => v.Name == next.Name && v.Digest == next.Digest).SelectMany(v => v.IndexChildren))
                {
                    work.Push((next.Name, child));
                }
            }
        }

        return reached;
    }
}
