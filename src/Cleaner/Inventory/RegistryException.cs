namespace OciCleanup.Cleaner.Inventory;

/// <summary>A registry answered with an error; the message names the registry, never a credential.</summary>
internal sealed class RegistryException(string registry, string message) : Exception($"registry {registry}: {message}")
{
    public string Registry { get; } = registry;
}
