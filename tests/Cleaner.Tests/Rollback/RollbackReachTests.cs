using OciCleanup.Cleaner.Rollback;

namespace OciCleanup.Cleaner.Tests.Rollback;

public sealed class RollbackReachTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 3, 0, 0, TimeSpan.Zero);
    private static readonly ObjectKey Api = new("armer", "kotkan", "Deployment", "api");

    private static Deploy Back(int back, string tag, bool inWindow = true) =>
        new(Api, [new SeenImage($"git.example.org/oleks/api:{tag}", Now.AddDays(-10 - back), Now.AddDays(-back))], Now.AddDays(-back), back, inWindow);

    [Theory]
    [InlineData("", "armer kotkan/Deployment/api: 4 rollbacks back")]
    [InlineData("0.1.31=deleted", "armer kotkan/Deployment/api: 3 rollbacks back; the 4th (0.1.31) was deleted on 2026-11-20")]
    [InlineData("0.1.33=would", "armer kotkan/Deployment/api: 1 rollback back; the 2nd (0.1.33) would be deleted by this run")]
    [InlineData("0.1.34=gone", "armer kotkan/Deployment/api: 0 rollbacks back; the 1st (0.1.34) is not in the registry (gone since 2026-11-20)")]
    public void Lines_StateOfEarlierImages_SayHowFarBack(string missing, string expected)
    {
        var states = missing.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(m => m.Split('='))
            .ToDictionary(m => $"git.example.org/oleks/api:{m[0]}", m => m[1] switch { "deleted" => ImageState.DeletedNow, "would" => ImageState.WouldDelete, _ => ImageState.Gone });

        var lines = RollbackReach.Lines([Back(1, "0.1.34"), Back(2, "0.1.33"), Back(3, "0.1.32"), Back(4, "0.1.31", inWindow: false)], (_, i) => states.GetValueOrDefault(i.Image, ImageState.Held), Now);

        Assert.Equal(expected, Assert.Single(lines).Detail);
    }
}
