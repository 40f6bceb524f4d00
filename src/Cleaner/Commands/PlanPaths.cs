namespace OciCleanup.Cleaner.Commands;

/// <summary>
/// The paths of <c>plan --out PLAN</c> and <c>apply PLAN</c>, checked before anything is contacted: a plan
/// that could not be written after a whole dry run, or a plan file that is not there, is a usage error
/// said in words (no .NET exception names).
/// </summary>
internal static class PlanPaths
{
    public static string? OutProblem(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (Directory.Exists(path))
        {
            return $"plan --out {path}: that is a folder; give a file name, e.g. {Path.Combine(path, "plan.json")}";
        }

        return Directory.Exists(folder) ? null : $"plan --out {path}: the folder {folder} does not exist; create it first (nothing was contacted)";
    }

    public static string? PlanProblem(string path) =>
        Directory.Exists(path) ? $"plan file {path} is a folder, not a plan: nothing deleted"
        : File.Exists(path) ? null
        : $"plan file {path} does not exist (write one with: oci-cleanup plan --out {path}): nothing deleted";
}
