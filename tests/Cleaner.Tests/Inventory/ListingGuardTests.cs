namespace OciCleanup.Cleaner.Tests.Inventory;

public class ListingGuardTests
{
    private static string[] Items(int from, int count) => [.. Enumerable.Range(from, count).Select(i => $"container/app==v{i}")];

    [Fact]
    public void Pages_AllAnnouncedItemsOnce_Complete()
    {
        var guard = new ListingGuard("main", "list");
        guard.Page("1", Items(0, 50), 60);
        guard.Next("2");
        guard.Page("2", Items(50, 10), 60);
        guard.Next(null);

        guard.Finish();
        guard.Received.ShouldBe(60);
    }

    [Fact]
    public void Finish_FewerItemsThanAnnounced_Fails()
    {
        var guard = new ListingGuard("main", "list packages of oleks");
        guard.Page("1", Items(0, 5), 22);

        Should.Throw<RegistryException>(guard.Finish).Message.ShouldContain("only 5 of the 22 items");
    }

    // What the step after a first page of 50 of 100 items fails with.
    private static string FailureAfterFirstPage(Action<ListingGuard> step)
    {
        var guard = new ListingGuard("main", "list");
        guard.Page("1", Items(0, 50), 100);
        return Should.Throw<RegistryException>(() => step(guard)).Message;
    }

    [Fact]
    public void Page_SameItemTwice_FailsNamingIt() =>
        FailureAfterFirstPage(g => g.Page("2", Items(0, 50), 100)).ShouldContain("container/app==v0 was listed twice");

    [Fact]
    public void Next_PageAlreadyRead_FailsAsALoop() =>
        FailureAfterFirstPage(g => g.Next("1")).ShouldContain("Link loop");

    [Fact]
    public void Page_TotalChanges_Fails() =>
        FailureAfterFirstPage(g => g.Page("2", Items(50, 50), 101)).ShouldContain("total changed from 100 to 101");

    [Fact]
    public void Page_MoreItemsThanAnnounced_Fails()
    {
        var guard = new ListingGuard("main", "list");

        Should.Throw<RegistryException>(() => guard.Page("1", Items(0, 50), 5)).Message.ShouldContain("announced 5");
    }

    [Fact]
    public void Page_MorePagesThanTheTotalAllows_Fails()
    {
        var guard = new ListingGuard("main", "list");
        guard.Page("1", Items(0, 10), 20);
        guard.Page("2", [], 20);
        guard.Page("3", [], 20);
        guard.Page("4", [], 20);

        Should.Throw<RegistryException>(() => guard.Page("5", [], 20)).Message.ShouldContain("more than 4 pages");
    }
}
