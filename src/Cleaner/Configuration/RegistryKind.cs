namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// The names of the built-in registry kinds, for code and tests that name one. What a kind can do is
/// not here: it is the kind's <c>RegistryKindEntry</c> (<c>Inventory/RegistryKinds.cs</c>).
/// </summary>
internal static class RegistryKind
{
    public const string Gitea = "gitea";

    public const string Oci = "oci";

    public const string GitHub = "github";
}
