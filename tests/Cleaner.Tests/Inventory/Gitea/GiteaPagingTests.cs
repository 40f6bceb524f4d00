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
    [InlineData("<http://g/api/v1/packages/o?page=2&limit=50>; rel=\"next\",<http://g/api/v1/packages/o?page=3&limit=50>; rel=\"last\"", 1, 50, 50, 120, 2)]
    [InlineData("<http://g/api/v1/packages/o?page=1&limit=50>; rel=\"first\",<http://g/api/v1/packages/o?page=2&limit=50>; rel=\"prev\"", 3, 120, 20, 120, null)]
    [InlineData(null, 1, 30, 30, 120, 2)]
    [InlineData(null, 4, 120, 30, 120, null)]
    [InlineData(null, 2, 50, 0, 120, null)]
    [InlineData("<http://g/api/v1/packages/o?limit=50&page=1>; rel=\"next\"", 2, 100, 50, 120, 1)]
    public void NextPage_FollowsLinkThenTotal_NeverTheRequestedLimit(string? link, int current, int soFar, int thisPage, int total, int? expected)
    {
        using var response = With(link, total.ToString(System.Globalization.CultureInfo.InvariantCulture));

        GiteaPaging.NextPage(response.Headers, current, soFar, thisPage, total).ShouldBe(expected);
    }

    [Theory]
    [InlineData("22", 22)]
    [InlineData(null, null)]
    [InlineData("lots", null)]
    [InlineData("-1", null)]
    public void Total_ReadsXTotalCount(string? header, int? expected)
    {
        using var response = With(null, header);

        GiteaPaging.Total(response.Headers).ShouldBe(expected);
    }
}
