using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// Where one registry's credentials may go (ARCHITECTURE.md, "Safety invariants and where each is enforced"): its own scheme://host:port, and a token service
/// the registry itself names in a challenge when that service is on the same authority or on a host the
/// registry's <c>authRealms</c> lists — never over http when the registry is https. Pure: the handlers ask.
/// </summary>
internal sealed class CredentialScope(string registry, Uri url, ImmutableArray<string> authRealms)
{
    public string Registry => registry;

    /// <summary>Whether a request goes to the registry itself (a redirect target or a link elsewhere does not).</summary>
    public bool IsRegistry(Uri? uri) => uri is { IsAbsoluteUri: true } && SameAuthority(uri, url);

    /// <summary>Null when the realm may receive the credentials, else why not, naming the realm and the fix.</summary>
    public string? RealmRefusal(Uri realm)
    {
        var shown = $"{realm.Scheme}://{realm.Authority}{realm.AbsolutePath}";
        if (realm.Scheme is not ("http" or "https"))
        {
            return $"the token service {shown} is not an http(s) URL; the registry's credentials are not sent to it";
        }

        if (url.Scheme == Uri.UriSchemeHttps && realm.Scheme != Uri.UriSchemeHttps)
        {
            return $"the token service {shown} is http under an https registry; the registry's credentials are never sent in cleartext";
        }

        if (SameAuthority(realm, url) || Listed(realm))
        {
            return null;
        }

        return $"the token service {shown} is not on the registry's own host; add '{realm.Authority.ToLowerInvariant()}' to authRealms of registry {registry} to send it the registry's credentials";
    }

    private bool Listed(Uri realm)
    {
        var authority = realm.Authority.ToLowerInvariant();
        var withPort = $"{realm.Host}:{realm.Port}".ToLowerInvariant();
        return authRealms.Any(entry => entry == authority || entry == withPort);
    }

    private static bool SameAuthority(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
