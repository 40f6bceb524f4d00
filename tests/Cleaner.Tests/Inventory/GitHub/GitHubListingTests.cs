using System.Net;
using System.Text;
using OciCleanup.Cleaner.Inventory.GitHub;

namespace OciCleanup.Cleaner.Tests.Inventory.GitHub;

/// <summary>A GitHub list is read to its end by Link paging, or fails: short, looping, off-API or cut-short lists.</summary>
public class GitHubListingTests
{
    private const string Api = "https://api.github.com/";

    private static HttpResponseMessage Page(int from, int count, string? link)
    {
        var items = string.Join(",", Enumerable.Range(from, count).Select(i => $"{{\"name\":\"p{i}\"}}"));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent($"[{items}]", Encoding.UTF8, "application/json") };
        if (link is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", link);
        }

        return response;
    }

    private static string Links(int next, int last, string host = "api.github.com") =>
        $"<https://{host}/user/packages?package_type=container&per_page=100&page={next}>; rel=\"next\", <https://api.github.com/user/packages?package_type=container&per_page=100&page={last}>; rel=\"last\"";

    private static Task<List<string>> ReadAsync(Func<int, HttpResponseMessage> page)
    {
        var network = new StubHttpHandler(r => page(int.TryParse(System.Web.HttpUtility.ParseQueryString(r.RequestUri!.Query)["page"], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1));
        var http = new GitHubHttp(new HttpClient(network) { BaseAddress = new Uri(Api) }, "gh");
        return GitHubListing.ReadAsync(http, "user/packages?package_type=container&per_page=100", "list", e => e.GetProperty("name").GetString()!, n => n, CancellationToken.None);
    }

    [Fact]
    public async Task Read_TwoFullPagesAndALastOne_EveryItem()
    {
        var items = await ReadAsync(n => n switch { 1 => Page(0, 100, Links(2, 3)), 2 => Page(100, 100, Links(3, 3)), _ => Page(200, 5, null) });

        items.Count.ShouldBe(205);
    }

    [Theory]
    [InlineData("short", "held 40 of 100 items")]
    [InlineData("loop", "names page 1")]
    [InlineData("offapi", "points off the API")]
    [InlineData("early-end", "announced 3 pages")]
    [InlineData("duplicate", "listed twice")]
    public async Task Read_IncompleteList_FailsTheSource(string fault, string why)
    {
        Func<int, HttpResponseMessage> page = fault switch
        {
            "short" => n => n == 1 ? Page(0, 40, Links(2, 2)) : Page(40, 10, null),
            "loop" => n => Page(0, 100, Links(1, 2)),
            "offapi" => n => n == 1 ? Page(0, 100, Links(2, 2, "evil.example")) : Page(100, 1, null),
            "early-end" => n => n == 1 ? Page(0, 100, Links(2, 3)) : Page(100, 100, null),
            _ => n => n == 1 ? Page(0, 100, Links(2, 2)) : Page(0, 3, null),
        };

        var e = await Should.ThrowAsync<RegistryException>(() => ReadAsync(page));

        e.Message.ShouldContain("incomplete list");
        e.Message.ShouldContain(why);
    }
}
