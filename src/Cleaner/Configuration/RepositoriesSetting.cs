using System.Collections.Immutable;

namespace OciCleanup.Cleaner.Configuration;

/// <summary>
/// A registry's <c>repositories</c>: <c>include</c>/<c>exclude</c> globs over what <c>/v2/_catalog</c>
/// lists, or <c>names</c>, exactly the repositories to list, for registries that hide the catalog.
/// </summary>
internal static class RepositoriesSetting
{
    public static (ImmutableArray<string> Include, ImmutableArray<string> Exclude, ImmutableArray<string> Names) Read(YamlMapping registry)
    {
        if (registry.Mapping("repositories") is not { } repositories)
        {
            return ([], [], []);
        }

        var include = repositories.Strings("include", []).ToImmutableArray();
        var exclude = repositories.Strings("exclude", []).ToImmutableArray();
        var names = repositories.Strings("names", []).ToImmutableArray();
        if (!names.IsEmpty && (repositories.Node("include") is not null || repositories.Node("exclude") is not null))
        {
            // Names replace the catalog: a filter beside them would filter nothing, or hide a named one.
            throw repositories.Error(repositories.Node("names")!, repositories.Child("names"), "give names, or include/exclude, not both");
        }

        if (names.Any(n => n.Length == 0))
        {
            throw repositories.Error(repositories.Node("names")!, repositories.Child("names"), "a repository name is empty");
        }

        if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw repositories.Error(repositories.Node("names")!, repositories.Child("names"), $"'{twice.Key}' is named twice");
        }

        repositories.RejectUnknownKeys();
        return (include, exclude, names);
    }
}
