namespace OciCleanup.Pins.DesiredState;

/// <summary>
/// Which part of a constraint's version was a wildcard (<c>x</c>, <c>X</c>, <c>*</c>) or missing —
/// Masterminds/semver's "dirty" flags, which change how <c>!=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>~</c> and <c>^</c> compare.
/// </summary>
internal enum SemverWildcard
{
    /// <summary>A full version: <c>1.2.3</c>.</summary>
    None,

    /// <summary>The major part: <c>*</c>, <c>x</c> (Masterminds sets only its <c>dirty</c> flag).</summary>
    Major,

    /// <summary>The minor part: <c>1</c>, <c>1.x</c>.</summary>
    Minor,

    /// <summary>The patch part: <c>1.2</c>, <c>1.2.x</c>.</summary>
    Patch,
}
