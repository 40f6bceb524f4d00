using System.Collections.Immutable;
using System.Globalization;
using OciCleanup.Cleaner.Reporting;

namespace OciCleanup.Cleaner.Rollback;

/// <summary>
/// Per object, how many rollbacks back the registry still holds and what the first missing one is. Pure:
/// the state of each earlier image is given.
/// </summary>
internal static class RollbackReach
{
    public static ImmutableArray<RollbackLine> Lines(ImmutableArray<Deploy> deploys, Func<ObjectKey, SeenImage, ImageState> stateOf, DateTimeOffset now)
    {
        var lines = ImmutableArray.CreateBuilder<RollbackLine>();
        foreach (var group in deploys.GroupBy(d => d.Object))
        {
            var back = 0;
            string? next = null;
            foreach (var deploy in group.OrderBy(d => d.DeploysBack))
            {
                var states = deploy.Images.Select(i => (Image: i, State: stateOf(deploy.Object, i))).ToList();
                if (states.TrueForAll(s => s.State == ImageState.Held))
                {
                    back++;
                    continue;
                }

                var (image, state) = states.OrderByDescending(s => s.State).First();
                next = $"the {Ordinal(deploy.DeploysBack)} ({string.Join(", ", deploy.Images.Select(i => Short(i.Image)))}) {state switch
                {
                    ImageState.WouldDelete => "would be deleted by this run",
                    ImageState.DeletedNow => $"was deleted on {Day(now)}",
                    _ => $"is not in the registry (gone since {Day(image.GoneAt ?? now)})",
                }}";
                break;
            }

            var text = $"{group.Key}: {Plural.Of(back, "rollback")} back{(next is null ? "" : "; " + next)}";
            lines.Add(new RollbackLine(group.Key.ToString(), back, text));
        }

        return lines.ToImmutable();
    }

    /// <summary>The tag a person knows a build by (<c>0.1.31</c>), else the image as it is.</summary>
    public static string Short(string image) =>
        Pins.ImageReference.TryParse(image, out var reference, out _) && reference.Tag is { } tag ? tag : image;

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ordinal(int n) => string.Create(CultureInfo.InvariantCulture, $"{n}{(n % 100 is >= 11 and <= 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" })}");
}
