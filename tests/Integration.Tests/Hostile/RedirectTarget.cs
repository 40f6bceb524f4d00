namespace OciCleanup.Integration.Tests.Hostile;

/// <summary>What a host that a registry's answer redirected the client to must have seen.</summary>
internal static class RedirectTarget
{
    /// <summary>The client followed the redirect (the host was asked) and sent it no credential.</summary>
    public static void ShouldHaveBeenAskedWithoutCredentials(this HostileRegistryServer host)
    {
        host.Requests.ShouldNotBeEmpty();
        host.Requests.ShouldAllBe(r => r.Authorization == null);
    }
}
