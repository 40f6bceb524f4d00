namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// <c>references.unknownHosts</c> (docs/references.md, "Live references (clusters)"): what a reference on a host no registry names does — a
/// pull-through mirror, a LAN alias, a typo in <c>hostAliases</c>.
/// </summary>
internal enum UnknownHosts
{
    /// <summary>Protect inventoried versions with the same path and tag or digest, and warn (the default: keeping costs bytes, deleting costs an outage).</summary>
    Protect,

    /// <summary>Protect nothing on unconfigured hosts.</summary>
    Ignore,
}
