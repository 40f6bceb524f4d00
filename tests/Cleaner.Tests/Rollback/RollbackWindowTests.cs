using OciCleanup.Cleaner.Rollback;

namespace OciCleanup.Cleaner.Tests.Rollback;

public sealed class RollbackWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly ObjectKey Api = new("armer", "kotkan", "Deployment", "api");

    /// <summary>
    /// Runs one night per entry of <paramref name="nights"/>, the object naming that tag (comma-separated
    /// tags: several containers; empty: the object is gone), then returns each protected tag with how many
    /// deploys back it is, as "tag@back".
    /// </summary>
    private static string Window(string nights, int keep = 3, int days = 30, int nightsApart = 1)
    {
        var record = RollbackRecord.Empty;
        var now = Start;
        ImmutableDictionary<ObjectKey, ImmutableHashSet<string>> current = ImmutableDictionary<ObjectKey, ImmutableHashSet<string>>.Empty;
        foreach (var night in nights.Split(' '))
        {
            now = now.AddDays(nightsApart);
            var tags = night == "-" ? [] : night.Split(',').Select(t => $"git.example.org/oleks/api:{t}").ToImmutableHashSet();
            current = tags.IsEmpty ? ImmutableDictionary<ObjectKey, ImmutableHashSet<string>>.Empty : ImmutableDictionary<ObjectKey, ImmutableHashSet<string>>.Empty.Add(Api, tags);
            record = record.Observe(current, now).Prune(keep, TimeSpan.FromDays(days), now);
        }

        return string.Join(" ", RollbackWindow.Deploys(record, current, keep, TimeSpan.FromDays(days), now)
            .Where(d => d.InWindow)
            .SelectMany(d => d.Images.Select(i => $"{i.Image.Split(':')[^1]}@{d.DeploysBack}")));
    }

    [Theory]
    [InlineData("1", "")]
    [InlineData("1 1 1 1", "")]
    [InlineData("1 2", "1@1")]
    [InlineData("1 2 3 4 5", "4@1 3@2 2@3")]
    [InlineData("1 1 2 2 2 3", "2@1 1@2")]
    [InlineData("1 2 3 2", "3@1 1@2")]
    [InlineData("1 2 3 4 5 6 7 8", "7@1 6@2 5@3")]
    [InlineData("a,s b,s", "a@1")]
    [InlineData("a,x b,y", "a@1 x@1")]
    [InlineData("1 2 -", "")]
    public void Deploys_NightsOfOneObject_KeepTheLastThreeBeforeTheCurrent(string nights, string expected) =>
        Assert.Equal(expected, Window(nights));

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "4@1")]
    [InlineData(5, "4@1 3@2 2@3 1@4")]
    public void Deploys_Keep_BoundsHowFarBack(int keep, string expected) =>
        Assert.Equal(expected, Window("1 2 3 4 5", keep));

    [Theory]
    [InlineData(1, 30, "4@1 3@2 2@3")]
    [InlineData(10, 30, "4@1 3@2")]
    [InlineData(10, 15, "4@1")]
    [InlineData(31, 30, "")]
    public void Deploys_Days_DropWhatStoppedLongAgo(int nightsApart, int days, string expected) =>
        Assert.Equal(expected, Window("1 2 3 4 5", days: days, nightsApart: nightsApart));

    [Fact]
    public void Prune_ManyDeploys_KeepsCurrentAndOneMoreThanTheWindow()
    {
        var record = RollbackRecord.Empty;
        var now = Start;
        for (var build = 1; build <= 20; build++)
        {
            now = now.AddDays(1);
            record = record.Observe(ImmutableDictionary<ObjectKey, ImmutableHashSet<string>>.Empty.Add(Api, [$"api:{build}"]), now).Prune(3, TimeSpan.FromDays(30), now);
        }

        Assert.Equal(["api:20", "api:19", "api:18", "api:17", "api:16"], record.Objects[Api.ToString()].Select(s => s.Image));
    }

    [Fact]
    public void Prune_ObjectGoneLongerThanDays_IsDropped()
    {
        var record = RollbackRecord.Empty.Observe(ImmutableDictionary<ObjectKey, ImmutableHashSet<string>>.Empty.Add(Api, ["api:1"]), Start);

        Assert.Single(record.Prune(3, TimeSpan.FromDays(30), Start.AddDays(29)).Objects);
        Assert.Empty(record.Prune(3, TimeSpan.FromDays(30), Start.AddDays(30)).Objects);
    }
}
