namespace OciCleanup.Cleaner.Inventory;

/// <summary>
/// One request to a registry that did not work out, as the executor, the validator and restore see it:
/// which exceptions are such a failure (the rest are bugs and travel on), and how it is said.
/// </summary>
internal static class RegistryFailure
{
    /// <summary>A registry's error answer, a broken connection, a timeout, a body that could not be read.</summary>
    public static bool Is(Exception error) =>
        error is RegistryException or HttpRequestException or OperationCanceledException or IOException;

    /// <summary>The registry's own words when it answered; else the cause, with the request timeout where it was one.</summary>
    public static string Why(Exception error) =>
        error is RegistryException ? error.Message : ErrorCause.Describe(error, RegistryFactory.RequestTimeout);
}
