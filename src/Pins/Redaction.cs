using System.Text.RegularExpressions;

namespace OciCleanup.Pins;

/// <summary>
/// Masks credentials a server may echo into a body, and so into an exception's message (a JSON parser
/// quoting an invalid literal, a date converter quoting the value it could not parse): the value after
/// <c>Bearer</c> or <c>Basic</c>, a Gitea <c>token</c>, an <c>Authorization</c> header's value. Every
/// error text of a registry or a cluster passes through it before a report or a log sees it.
/// </summary>
public static partial class Redaction
{
    /// <summary>What stands where a credential was.</summary>
    public const string Mask = "***";

    /// <summary><paramref name="text"/> with every credential-looking value replaced by <see cref="Mask"/>.</summary>
    public static string Apply(string text)
    {
        var masked = AuthorizationValue().Replace(text, m => m.Groups["lead"].Value + Mask);
        masked = SchemeValue().Replace(masked, m => m.Groups["scheme"].Value + m.Groups["gap"].Value + Mask);
        return GiteaToken().Replace(masked, m => m.Groups["scheme"].Value + m.Groups["gap"].Value + Mask);
    }

    // RFC 7235's token68, the credentials of Bearer and Basic; `Bearer realm="…"` is a challenge, not a secret.
    // No word boundary before the scheme: a parser quotes `tBearer x` as it read it.
    [GeneratedRegex(@"(?<scheme>bearer|basic)(?<gap>\s+)(?![A-Za-z]+="")[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemeValue();

    // Gitea's `Authorization: token <40 hex>`: only a long value, so that "token expired" stays readable.
    [GeneratedRegex(@"\b(?<scheme>token)(?<gap>\s+)[A-Za-z0-9]{20,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GiteaToken();

    [GeneratedRegex(@"(?<lead>authorization[""']?\s*[:=]\s*[""']?)[^\r\n""',}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorizationValue();
}
