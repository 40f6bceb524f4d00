namespace OciCleanup.Cleaner;

/// <summary>
/// <see cref="Pins.FailureCause"/> for the registry clients, which also see the resilience pipeline's
/// own per-attempt timeout (Polly's <c>TimeoutRejectedException</c>, a type the library does not know).
/// </summary>
internal static class ErrorCause
{
    public static string Describe(Exception error, TimeSpan? timeout = null, Uri? target = null)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Polly.Timeout.TimeoutRejectedException rejected)
            {
                return $"timed out after {rejected.Timeout.TotalSeconds:0} s";
            }
        }

        return Pins.FailureCause.Describe(error, timeout, target);
    }
}
