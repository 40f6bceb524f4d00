namespace OciCleanup.Pins.Git;

/// <summary>A git command that failed or timed out; the message names the command, never a credential.</summary>
public sealed class GitException(string message, Exception? inner = null) : Exception(message, inner);
