using System.Text.RegularExpressions;

namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// What a Flux ImagePolicy picks, as image-reflector-controller does: the tags <c>filterTags.pattern</c>
/// matches anywhere (all tags when there is no <c>filterTags</c>), each turned into a value by
/// <c>filterTags.extract</c> (Go template, e.g. <c>$ts</c>; the tag itself when empty), the values ordered by
/// <see cref="Order"/>, and the original tag of the elected value is the pick. Flux keeps one tag per
/// value (the last listed); when several tags give the elected value, all are picked.
/// </summary>
/// <param name="Pattern">The filter, or null without <c>filterTags</c>.</param>
/// <param name="Extract">The extract template; empty for none.</param>
/// <param name="Order">The policy.</param>
public sealed record ImagePolicyTags(GoRegex? Pattern, string Extract, TagOrder Order) : TagPolicy
{
    /// <inheritdoc />
    public override TagPick Pick(IReadOnlyCollection<string> tags)
    {
        var byValue = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var template = Pattern is null || Extract.Length == 0 ? null : GoTemplate.ToDotNet(Extract, Pattern.Groups);
        foreach (var tag in tags)
        {
            if (Pattern is not null && !Pattern.IsMatch(tag))
            {
                continue;
            }

            if (ValueOf(tag, template) is not { } value)
            {
                var admitted = tags.Where(t => Pattern!.IsMatch(t));
                return new TagPick([.. admitted], [$"{Describe()}: could not extract a value from tag '{tag}' in time: every admitted tag is protected"]);
            }

            if (!byValue.TryGetValue(value, out var same))
            {
                byValue[value] = same = [];
            }

            same.Add(tag);
        }

        if (byValue.Count == 0)
        {
            return TagPick.Nothing($"{Describe()}: no tag is admitted: Flux picks nothing");
        }

        var chosen = Order.Choose(byValue.Keys);
        var picked = chosen.Tags.SelectMany(v => byValue[v]).ToList();
        var warnings = chosen.Warnings.Select(w => $"{Describe()}: {w}").ToList();
        if (picked.Count > 1 && chosen.Warnings.IsEmpty)
        {
            warnings.Add($"{Describe()}: tags {string.Join(", ", picked)} rank equal and Flux's choice among them depends on listing order: all are protected");
        }

        return new TagPick([.. picked], [.. warnings]);
    }

    /// <inheritdoc />
    public override string Describe() =>
        (Pattern is null ? "" : $"filterTags '{Pattern.Pattern}'{(Extract.Length == 0 ? "" : $" extract '{Extract}'")}, ") + Order.Describe();

    private string? ValueOf(string tag, string? template)
    {
        if (template is null)
        {
            return tag;
        }

        try
        {
            var match = Pattern!.Match(tag);
            return match.Success ? match.Result(template) : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
