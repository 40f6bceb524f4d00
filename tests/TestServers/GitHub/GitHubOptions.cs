namespace OciCleanup.TestServers.GitHub;

/// <summary>
/// Limits and faults of the test server; change them at any time, also between a client's requests.
/// Defaults are GitHub's (SPEC §12): 5,000 requests an hour per token, 30 days to restore, public
/// versions past 5,000 downloads undeletable, the last tagged version of a package undeletable.
/// </summary>
public sealed class GitHubOptions
{
    /// <summary>Primary limit: REST requests per token per hour (X-RateLimit-Limit).</summary>
    public int HourlyBudget { get; set; } = 5000;

    /// <summary>Secondary limit on DELETEs: more than this many in the last minute answer a secondary-limit error (null: none).</summary>
    public int? DeletesPerMinute { get; set; }

    /// <summary>Status of secondary-limit answers: GitHub sends 403 or 429.</summary>
    public int SecondaryStatus { get; set; } = 403;

    /// <summary>The <c>Retry-After</c> of secondary-limit answers, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>A public version downloaded more than this many times cannot be deleted.</summary>
    public int DownloadLimit { get; set; } = 5000;

    /// <summary>How long after its deletion a version can be restored.</summary>
    public TimeSpan RestoreWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether deleting the only remaining tagged (or only remaining) version of a package is refused (400), as GitHub does.</summary>
    public bool RefuseLastVersionDelete { get; set; } = true;

    private int _failNext;

    /// <summary>The next <paramref name="count"/> REST requests answer a secondary-limit error with <c>Retry-After</c>.</summary>
    public void FailNext(int count, int status = 403, int retryAfterSeconds = 1)
    {
        SecondaryStatus = status;
        RetryAfterSeconds = retryAfterSeconds;
        Volatile.Write(ref _failNext, count);
    }

    internal bool TakeInjectedFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failNext);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failNext, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
