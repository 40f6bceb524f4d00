using System.Collections.Immutable;
using OciCleanup.Cleaner.Configuration;
using OciCleanup.Cleaner.Planning;
using OciCleanup.Pins;
using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// <c>explain</c>'s argument when it is an image reference copied from a Deployment
/// (<c>git.oleks.space/oleks/cms-plugins:staging</c>) rather than a pin: the pin it means, through the
/// registry whose <c>url</c> host or <c>hostAliases</c> serve that host — as the protection matcher reads
/// references. An image on a host no registry serves is refused, naming the hosts that are configured.
/// </summary>
internal static class ExplainQuery
{
    public sealed record Mapped(string? Pin, string? Registry, string? Error);

    /// <summary>Whether <paramref name="text"/> reads as an image reference (a pin has <c>==</c> or <c>TYPE/NAME</c> without a host).</summary>
    public static bool IsImage(string text) =>
        !text.Contains("==", StringComparison.Ordinal) && ImageReference.TryParse(text, out _, out _);

    public static Mapped FromImage(string text, ImmutableArray<RegistryConfig> registries)
    {
        if (!ImageReference.TryParse(text, out var image, out var error))
        {
            return new Mapped(null, null, $"REF: {error}");
        }

        var host = image.Registry.ToLowerInvariant();
        if (registries.FirstOrDefault(r => r.Hosts.Contains(host)) is not { } registry)
        {
            var hosts = registries.SelectMany(r => r.Hosts).Distinct().ToList();
            return new Mapped(null, null, $"REF: {text} is an image on {host}, which no configured registry serves "
                + $"({(hosts.Count == 0 ? "no registries are configured" : "configured hosts: " + string.Join(", ", hosts))}); "
                + "give an image on one of those hosts, or a pin [OWNER:]TYPE/NAME==VERSION");
        }

        var version = image.Digest is { } digest ? $"@{digest}" : $"=={image.Tag}";
        // The package as workloads' images are matched: the registry's kind maps the path.
        var package = ProtectionMatcher.KeyOf(registry, image.Repository);
        return package.Owner switch
        {
            null => new Mapped($"{PackageTypes.Container}/{package.Name}{version}", registry.Name, null),
            "" => new Mapped(null, null, $"REF: {text} names no owner; images on {host} (registry {registry.Name}) are {host}/OWNER/NAME"),
            var owner => new Mapped($"{owner}:{PackageTypes.Container}/{package.Name}{version}", registry.Name, null),
        };
    }
}
