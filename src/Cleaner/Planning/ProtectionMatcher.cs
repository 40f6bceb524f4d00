using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Inventory;
using OciCleanup.Pins;
using OciCleanup.Pins.PinsFiles;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Cleaner.Planning;

/// <summary>
/// Resolves the protected set against the inventory (docs/references.md, "Live references (clusters)"): which versions each pin, image
/// reference and tag pattern names. Pure, and a lookup per protection over an index built once.
/// Image references match a registry by its URL host or a host alias (for Gitea the path is
/// <c>OWNER/IMAGE</c>); on a host no registry names they match by path alone when
/// <c>unknownHosts: protect</c>, with a warning. Names and tags compare case-insensitively.
/// </summary>
internal static class ProtectionMatcher
{
    public static MatchResult Match(
        ImmutableArray<PackageVersion> inventory, ProtectedSet protectedSet, ImmutableArray<RegistryConfig> registries, UnknownHosts unknownHosts = UnknownHosts.Protect) =>
        Match(new InventoryIndex(inventory), protectedSet, registries, unknownHosts);

    /// <summary>The same over an index already built (the run builds one for matcher and planner).</summary>
    public static MatchResult Match(InventoryIndex index, ProtectedSet protectedSet, ImmutableArray<RegistryConfig> registries, UnknownHosts unknownHosts)
    {
        // By the version object: a record's own hash would hash every field, thousands of times over.
        var found = new Dictionary<PackageVersion, (List<Reason> Reasons, HashSet<(string Kind, string Place)> Seen)>(ReferenceEqualityComparer.Instance);
        var hosts = new Dictionary<string, RegistryConfig[]>(StringComparer.OrdinalIgnoreCase);
        var pinMatches = new Dictionary<string, int>(StringComparer.Ordinal);
        var byUnknownHost = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var pinRules = new Dictionary<string, PinRule>(StringComparer.Ordinal);
        var policyWarnings = new List<ReportWarning>();
        void Protect(PackageVersion v, Reason reason)
        {
            if (!found.TryGetValue(v, out var reasons))
            {
                found[v] = reasons = ([], []);
            }

            // One reason per object and kind: an ImagePolicy's pick and its status refs are one reason.
            if (reasons.Seen.Add((reason.Kind, reason.Origin.Place)))
            {
                reasons.Reasons.Add(reason);
            }
        }

        // Thousands of references name a handful of hosts: which registries a host is, once per host.
        RegistryConfig[] RegistriesAt(string host)
        {
            if (!hosts.TryGetValue(host, out var at))
            {
                hosts[host] = at = [.. registries.Where(r => r.Hosts.Contains(host.ToLowerInvariant()))];
            }

            return at;
        }

        foreach (var protection in protectedSet.Protections)
        {
            var reason = new Reason(protection.Reason.Kind, protection.Reason.Origin);
            switch (protection.Target)
            {
                case PinTarget pin:
                    pinRules[pin.Rule.Location] = pin.Rule;
                    var matched = PinMatches(pin.Rule, index).ToList();
                    matched.ForEach(v => Protect(v, reason));
                    pinMatches[pin.Rule.Location] = pinMatches.GetValueOrDefault(pin.Rule.Location) + matched.Count;
                    break;
                case ImageTarget image:
                    var (packages, unknown) = PackagesOf(image.Image.Registry, image.Image.Repository, RegistriesAt(image.Image.Registry), index, unknownHosts);
                    var named = new List<PackageVersion>(1);
                    foreach (var v in packages.SelectMany(p => Names(image.Image, p)))
                    {
                        // A version named by tag and by digest is named once.
                        if (!named.Exists(n => ReferenceEquals(n, v)))
                        {
                            named.Add(v);
                        }
                    }

                    var why = unknown ? reason with { Origin = reason.Origin with { UnconfiguredHost = image.Image.Registry } } : reason;
                    named.ForEach(v => Protect(v, why));
                    if (unknown && named.Count > 0)
                    {
                        Add(byUnknownHost, image.Image.Registry, $"{image.Image.Repository}{(image.Image.Tag is { } t ? ":" + t : "")} ({reason.Detail})");
                    }

                    break;
                case AnyPackageTagTarget anyPackage:
                    // Helm values with a tag and no repository: wherever that tag is, it may be the one.
                    foreach (var v in index.Packages.Where(p => p.First.Type == PackageTypes.Container).SelectMany(p => p.Named(anyPackage.Tag)))
                    {
                        Protect(v, reason);
                    }

                    break;
                case AnyPackageDigestTarget anyDigest:
                    // Helm values with a digest and no repository (Flux image automation, the chart holding
                    // the repository): wherever that manifest is, it is what runs.
                    var holding = index.Packages.Where(p => p.First.Type == PackageTypes.Container).SelectMany(p => p.Holding(anyDigest.Digest)).Distinct(ReferenceEqualityComparer.Instance).Cast<PackageVersion>().ToList();
                    holding.ForEach(v => Protect(v, reason));
                    policyWarnings.Add(new ReportWarning(WarningKind.DigestOnlyValues,
                        $"{reason.Detail}: the values give digest {anyDigest.Digest} without a repository (the chart's defaults hold it): every version with that digest is protected in every package, {holding.Count} version(s)"));
                    break;
                case TagPolicyTarget policy:
                    // Desired state not resolved yet: what Flux would pick now from the tags the registry has.
                    var (policyPackages, policyUnknown) = PackagesOf(policy.Registry, policy.Repository, RegistriesAt(policy.Registry), index, unknownHosts);
                    foreach (var package in policyPackages)
                    {
                        var pick = policy.Policy.Pick([.. package.Versions.Where(v => v.IsTagged).Select(v => v.Version)]);
                        var picked = pick.Tags.SelectMany(package.Named).ToList();
                        var whyPicked = reason with { Origin = reason.Origin with { Pick = new PolicyPick(pick.Tags, policy.Policy.Describe()), UnconfiguredHost = policyUnknown ? policy.Registry : null } };
                        picked.ForEach(v => Protect(v, whyPicked));
                        policyWarnings.AddRange(pick.Warnings.Select(w => new ReportWarning(WarningKind.DesiredState, $"{reason.Detail}: {w}")));
                    }

                    break;
            }
        }

        var warnings = byUnknownHost.Select(h => new ReportWarning(WarningKind.UnknownHost,
                $"protected by path on unconfigured host {h.Key} — add it to hostAliases of the registry it mirrors: {h.Value.Count} reference(s), e.g. {h.Value[0]}"))
            .Concat(pinMatches.Where(p => p.Value == 0).Select(p => DanglingReferences.OfPin(pinRules[p.Key], index)
                ?? new ReportWarning(WarningKind.PinUnmatched, $"{p.Key}: {Describe(pinRules[p.Key])} matches no version in the inventory (a typo?)")))
            .Concat(policyWarnings.Distinct())
            .Concat(DanglingReferences.Find(index, protectedSet, registries))
            .ToImmutableArray();
        return new MatchResult(found.ToImmutableDictionary(kv => kv.Key.Key, kv => kv.Value.Reasons.ToImmutableArray()), warnings, pinMatches.ToImmutableDictionary());
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private static string Describe(PinRule rule) =>
        $"{(rule.Owner is null ? "" : rule.Owner + ":")}{rule.Type}/{rule.Name}{(rule.Version is { } v ? "==" + v : "")}{(rule.Digest is { } d ? "@" + d : "")}";

    private static IEnumerable<PackageVersion> PinMatches(PinRule rule, InventoryIndex index) =>
        index.Packages
            .Where(p => string.Equals(p.First.Type, rule.Type, StringComparison.OrdinalIgnoreCase) && rule.Name.IsMatch(p.First.Name)
                && (rule.Owner is null || string.Equals(rule.Owner, p.First.Owner, StringComparison.OrdinalIgnoreCase)))
            .SelectMany(p => rule.Version is { IsLiteral: true } literal ? p.Named(literal.Pattern) : p.Versions)
            .Where(v => rule.Matches(v.Owner, v.Type, v.Name, v.Version, v.Digest));

    /// <summary>The versions an image reference names: by tag, by digest, or as the index holding the digest.</summary>
    private static IEnumerable<PackageVersion> Names(ImageReference image, InventoryIndex.Package package) =>
        (image.Tag is { } tag ? package.Named(tag) : []).Concat(image.Digest is { } digest ? package.Holding(digest) : []);

    private static (IEnumerable<InventoryIndex.Package> Packages, bool UnknownHost) PackagesOf(
        string host, string repository, RegistryConfig[] matching, InventoryIndex index, UnknownHosts unknownHosts)
    {
        if (matching.Length == 0)
        {
            return unknownHosts == UnknownHosts.Protect ? (index.ByPath(repository), true) : ([], false);
        }

        return (matching.Select(r => index.Find(KeyOf(r, repository))).OfType<InventoryIndex.Package>(), false);
    }

    /// <summary>The package an image path names in a registry: as its kind maps paths (<see cref="RegistryTraits.PackageOf"/>).</summary>
    internal static PackageKey KeyOf(RegistryConfig registry, string repository) =>
        RegistryKinds.TraitsOf(registry).KeyOf(registry.Name, repository);
}
