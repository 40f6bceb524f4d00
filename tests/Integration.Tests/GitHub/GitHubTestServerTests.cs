using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OciCleanup.TestServers.GitHub;

namespace OciCleanup.Integration.Tests.GitHub;

/// <summary>The fake GitHub behaves as GitHub's REST description says (plain HttpClient, no cleaner).</summary>
public sealed class GitHubTestServerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);
    private readonly GitHubTestServer _github;
    private readonly HttpClient _http = new();

    public GitHubTestServerTests() => _github = new GitHubTestServer(_clock);

    public async Task InitializeAsync()
    {
        await _github.StartAsync();
        _github.AddToken(GitHubToken.Classic("pat-full", "viktor", "read:packages", "delete:packages", "write:packages"));
        _github.AddToken(GitHubToken.Classic("pat-read", "viktor", "read:packages"));
        _github.AddToken(GitHubToken.FineGrained("pat-fine", "viktor"));
        _github.AddToken(GitHubToken.Actions("gha", "viktor"));
        _github.State.AddPackage("viktor", "infra/web", isPublic: true);
        for (var i = 0; i < 75; i++)
        {
            _github.State.PushImage("viktor", "infra/web", $"v{i}", Start.AddMinutes(i), $"sha-{i:x4}");
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _github.DisposeAsync();
    }

    [Fact]
    public async Task Versions_PerPage30_LinksNextAndLastAndListsNewestFirst()
    {
        using var response = await Get("pat-read", "users/viktor/packages/container/infra%2Fweb/versions?per_page=30");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var link = response.Headers.GetValues("Link").Single();
        link.ShouldContain("per_page=30&page=2>; rel=\"next\"");
        link.ShouldContain("per_page=30&page=3>; rel=\"last\"");
        var versions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        versions.GetArrayLength().ShouldBe(30);
        versions[0].GetProperty("metadata").GetProperty("container").GetProperty("tags")[0].GetString().ShouldBe("sha-004a");
        versions[0].GetProperty("name").GetString()!.ShouldStartWith("sha256:");
    }

    [Fact]
    public async Task Versions_PerPageAbove100_ClampedAndLastPageHasNoNext()
    {
        using var response = await Get("pat-read", "users/viktor/packages/container/infra%2Fweb/versions?per_page=500");

        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength().ShouldBe(75);
        response.Headers.Contains("Link").ShouldBeFalse();
    }

    [Theory]
    // a package name's slash must be encoded, as GitHub's routes take it
    [InlineData("pat-read", "users/viktor/packages/container/infra/web/versions", HttpStatusCode.NotFound)]
    // the GITHUB_TOKEN of an Actions run cannot list packages
    [InlineData("gha", "users/viktor/packages?package_type=container", HttpStatusCode.Forbidden)]
    public async Task Get_RequestGitHubRefuses_AnswersItsStatus(string token, string path, HttpStatusCode expected)
    {
        using var response = await Get(token, path);

        response.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task Responses_ClassicToken_CarryScopesAndRateLimit_FineGrainedNoScopes()
    {
        _github.Options.HourlyBudget = 10;

        using var classic = await Get("pat-read", "user");
        using var fine = await Get("pat-fine", "user");

        classic.Headers.GetValues("X-OAuth-Scopes").Single().ShouldBe("read:packages");
        classic.Headers.GetValues("X-RateLimit-Limit").Single().ShouldBe("10");
        classic.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("9");
        classic.Headers.GetValues("X-RateLimit-Used").Single().ShouldBe("1");
        classic.Headers.GetValues("X-RateLimit-Reset").Single().ShouldBe(Start.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        fine.Headers.Contains("X-OAuth-Scopes").ShouldBeFalse();
    }

    [Fact]
    public async Task Requests_BudgetSpent_Primary403UntilTheHourResets()
    {
        _github.Options.HourlyBudget = 2;
        (await Get("pat-read", "user")).Dispose();
        (await Get("pat-read", "user")).Dispose();

        using var refused = await Get("pat-read", "user");
        _clock.Advance(TimeSpan.FromHours(1));
        using var again = await Get("pat-read", "user");

        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        refused.Headers.GetValues("X-RateLimit-Remaining").Single().ShouldBe("0");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("API rate limit exceeded");
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_SecondaryLimitInjected_429WithRetryAfterThenServed()
    {
        _github.Options.FailNext(1, status: 429, retryAfterSeconds: 7);

        using var limited = await Get("pat-read", "user");
        using var served = await Get("pat-read", "user");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        (await limited.Content.ReadAsStringAsync()).ShouldContain("secondary rate limit");
        served.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_ByScope_ReadOnlyAndFineGrainedForbidden_FullDeletesVersionAndItsTags()
    {
        var version = _github.State.ActiveVersions("viktor", "infra/web")[5];

        using var readOnly = await DeleteVersion("pat-read", version);
        using var fine = await DeleteVersion("pat-fine", version);
        using var full = await DeleteVersion("pat-full", version);

        readOnly.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        fine.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        full.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _github.State.ActiveVersions("viktor", "infra/web").ShouldNotContain(version);
    }

    [Fact]
    public async Task Restore_Within30Days_Restored_After30Days_NotFound()
    {
        var versions = _github.State.ActiveVersions("viktor", "infra/web");
        var (early, late) = (versions[1], versions[2]);
        (await DeleteVersion("pat-full", early)).Dispose();
        _clock.Advance(TimeSpan.FromDays(29));
        (await DeleteVersion("pat-full", late)).Dispose();
        _clock.Advance(TimeSpan.FromDays(2));

        using var tooLate = await RestoreVersion("pat-full", early);
        using var readOnly = await RestoreVersion("pat-read", late);
        using var restored = await RestoreVersion("pat-full", late);

        tooLate.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        readOnly.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        restored.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        _github.State.ActiveVersions("viktor", "infra/web").ShouldContain(late);
    }

    [Fact]
    public async Task Delete_PublicVersionPast5000Downloads_400WithGitHubsWords()
    {
        var version = _github.State.ActiveVersions("viktor", "infra/web")[3];
        version.SetDownloads(5001);

        using var response = await DeleteVersion("pat-full", version);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("more than 5000 downloads cannot be deleted");
    }

    [Fact]
    public async Task Ghcr_ManifestByTagWithBearer_CountsOneDownload_DeleteIs405()
    {
        var version = _github.State.ActiveVersions("viktor", "infra/web")[0];
        using var challenge = await _http.GetAsync(new Uri(_github.RegistryUrl, "v2/"));
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(_github.RegistryUrl, "token?scope=repository:viktor/infra/web:pull&service=ghcr.io"));
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("viktor:pat-read")));
        using var tokenResponse = await _http.SendAsync(tokenRequest);
        var bearer = JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();

        using var manifest = new HttpRequestMessage(HttpMethod.Get, new Uri(_github.RegistryUrl, $"v2/viktor/infra/web/manifests/{version.Tags[0]}"));
        manifest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var body = await _http.SendAsync(manifest);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, new Uri(_github.RegistryUrl, $"v2/viktor/infra/web/manifests/{version.Digest}"));
        delete.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var deleted = await _http.SendAsync(delete);

        challenge.Headers.WwwAuthenticate.ToString().ShouldContain("service=\"ghcr.io\"");
        body.Headers.GetValues("Docker-Content-Digest").Single().ShouldBe(version.Digest);
        (await body.Content.ReadAsByteArrayAsync()).ShouldBe(version.Manifest.Bytes);
        version.Downloads.ShouldBe(1);
        _github.State.TotalDownloads.ShouldBe(1);
        deleted.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await deleted.Content.ReadAsStringAsync()).ShouldContain("UNSUPPORTED");
        _github.Log.ShouldContain(r => r.Server == "ghcr" && r.Method == "DELETE" && r.AuthKind == "bearer");
    }

    [Fact]
    public async Task Packages_PrivateOnlyThroughUser_UsersShowsPublicOnes()
    {
        _github.State.AddPackage("viktor", "secret");
        _github.State.PushImage("viktor", "secret", "s1", Start, "v1");

        using var users = await Get("pat-read", "users/viktor/packages?package_type=container");
        using var user = await Get("pat-read", "user/packages?package_type=container");

        Names(await users.Content.ReadAsStringAsync()).ShouldBe(["infra/web"]);
        Names(await user.Content.ReadAsStringAsync()).ShouldBe(["infra/web", "secret"]);
    }

    [Fact]
    public void PushIndex_ChildrenAreUntaggedVersions_SignatureTaggedAfterSubject()
    {
        var index = _github.State.PushIndex("viktor", "multi", "m1", Start, ["latest"], "amd64", "arm64");
        var signature = _github.State.PushSignature("viktor", "multi", index.Digest, Start);

        var versions = _github.State.ActiveVersions("viktor", "multi");
        versions.Count.ShouldBe(4);
        versions.Count(v => v.Tags.Count == 0).ShouldBe(2);
        index.Manifest.Children.ShouldBe(versions.Where(v => v.Tags.Count == 0).Select(v => v.Digest), ignoreOrder: true);
        signature.Tags.ShouldBe(["sha256-" + index.Digest["sha256:".Length..] + ".sig"]);
    }

    [Fact]
    public async Task Delete_BeyondDeletesPerMinute_SecondaryLimitUntilTheMinutePasses()
    {
        _github.Options.DeletesPerMinute = 2;
        var versions = _github.State.ActiveVersions("viktor", "infra/web");
        async Task<HttpStatusCode> Delete(int i)
        {
            using var response = await DeleteVersion("pat-full", versions[i]);
            return response.StatusCode;
        }

        var answers = new[] { await Delete(1), await Delete(2), await Delete(3) };
        _clock.Advance(TimeSpan.FromMinutes(1));

        answers.ShouldBe([HttpStatusCode.NoContent, HttpStatusCode.NoContent, HttpStatusCode.Forbidden]);
        (await Delete(3)).ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Restore_DigestPushedAgainSinceDelete_Refused()
    {
        var version = _github.State.ActiveVersions("viktor", "infra/web")[4];
        (await DeleteVersion("pat-full", version)).Dispose();
        var again = _github.State.Push("viktor", "infra/web", version.Manifest, Start.AddDays(1), "again");

        using var response = await RestoreVersion("pat-full", version);

        again.Id.ShouldNotBe(version.Id);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _github.State.ActiveVersions("viktor", "infra/web").ShouldNotContain(version);
    }

    [Fact]
    public async Task Delete_LastTaggedVersion_Refused()
    {
        var only = _github.State.PushImage("viktor", "single", "one", Start, "v1");

        using var response = await Send(HttpMethod.Delete, "pat-full", $"user/packages/container/single/versions/{only.Id}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("You must delete the package instead");
    }

    [Fact]
    public async Task Organization_PrivatePackages_OnlyForMembers()
    {
        _github.State.AddOrganization("acme", "viktor");
        _github.State.AddOrganization("other");
        _github.State.PushImage("acme", "tool", "t1", Start, "v1");
        _github.State.PushImage("other", "tool", "t1", Start, "v1");

        using var member = await Get("pat-read", "orgs/acme/packages?package_type=container");
        using var stranger = await Get("pat-read", "orgs/other/packages?package_type=container");
        using var asUser = await Get("pat-read", "orgs/viktor");
        using var org = await Get("pat-read", "users/acme");

        Names(await member.Content.ReadAsStringAsync()).ShouldBe(["tool"]);
        Names(await stranger.Content.ReadAsStringAsync()).ShouldBeEmpty();
        asUser.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        JsonDocument.Parse(await org.Content.ReadAsStringAsync()).RootElement.GetProperty("type").GetString().ShouldBe("Organization");
    }

    [Fact]
    public async Task Requests_WithoutOrWithUnknownToken_401AndLoggedByKind()
    {
        using var none = await _http.GetAsync(new Uri(_github.ApiUrl, "user"));
        using var unknown = await Get("not-a-token", "user");

        none.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        _github.Log.Select(r => r.AuthKind).ShouldBe(["none", "unknown-token"]);
    }

    private static string[] Names(string json) =>
        [.. JsonDocument.Parse(json).RootElement.EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];

    private Task<HttpResponseMessage> Get(string token, string path) => Send(HttpMethod.Get, token, path);

    private Task<HttpResponseMessage> DeleteVersion(string token, GitHubPackageVersion version) =>
        Send(HttpMethod.Delete, token, $"users/viktor/packages/container/infra%2Fweb/versions/{version.Id}");

    private Task<HttpResponseMessage> RestoreVersion(string token, GitHubPackageVersion version) =>
        Send(HttpMethod.Post, token, $"users/viktor/packages/container/infra%2Fweb/versions/{version.Id}/restore");

    private async Task<HttpResponseMessage> Send(HttpMethod method, string token, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(_github.ApiUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(request);
    }
}
