namespace OciCleanup.TestServers;

/// <summary>One request a test server received, for asserting what a client sent (and did not).</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization);
