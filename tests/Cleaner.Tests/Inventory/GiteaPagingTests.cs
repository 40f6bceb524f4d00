using OciCleanup.Cleaner.Inventory;

namespace OciCleanup.Cleaner.Tests.Inventory;

public class GiteaPagingTests
{
    private static HttpResponseMessage With(string? link, string? total)
    {
        var response = new HttpResponseMessage();
        if (link is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", link);
        }

        if (total is not null)
        {
            response.Headers.TryAddWithoutValidation("X-Total-Count", total);
        }

        return response;
    }

    [Theory]
    [InlineData("<http://g/api/v1/packages/o?page=2&limit=50>; rel=\"next\",<http://g/api/v1/packages/o?page=3&limit=50>; rel=\"last\"", "120", 50, 50, true)]
    [InlineData("<http://g/api/v1/packages/o?page=1&limit=50>; rel=\"first\",<http://g/api/v1/packages/o?page=2&limit=50>; rel=\"prev\"", "120", 120, 20, false)]
    [InlineData(null, "120", 30, 30, true)]
    [InlineData(null, "120", 120, 30, false)]
    [InlineData(null, null, 30, 30, false)]
    [InlineData(null, "120", 50, 0, false)]
    public void HasNextPage_FollowsLinkThenTotal_NeverTheRequestedLimit(string? link, string? total, int soFar, int thisPage, bool expected)
    {
        using var response = With(link, total);

        GiteaPaging.HasNextPage(response.Headers, soFar, thisPage).ShouldBe(expected);
    }
}
