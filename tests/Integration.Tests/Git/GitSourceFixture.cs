using System.Collections.Immutable;
using OciCleanup.Pins.Git;
using OciCleanup.Pins.Protection;

namespace OciCleanup.Integration.Tests.Git;

/// <summary>A scratch folder with a repository and a state folder, and a way to read it as a Git source.</summary>
internal sealed class GitSourceFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public GitSourceFixture() => Repo = new GitRepo(System.IO.Path.Combine(_folder.Path, "infra"));

    public GitRepo Repo { get; }

    public string Folder => _folder.Path;

    public string Mirror => System.IO.Path.Combine(_folder.Path, "state", "git", "infra");

    public GitSourceOptions Options(int? commits = 10, int? days = null, string branch = "main", params string[] paths) =>
        new("infra", Repo.Path, branch, [.. paths], Mirror) { HistoryCommits = commits, HistoryDays = days };

    public static async Task<SourceResult> CollectAsync(GitSourceOptions options) =>
        await new GitReferenceSource(options, TimeProvider.System).CollectAsync(CancellationToken.None);

    /// <summary>The tags the result protects, with the reason detail of each.</summary>
    public static ImmutableArray<(string Tag, string Detail, bool History)> Tags(SourceResult result) =>
        [.. result.Protections.Where(p => p.Target is ImageTarget).Select(p => (((ImageTarget)p.Target).Image.Tag ?? "", p.Reason.Detail, p.IsHistory))];

    /// <summary>Whether the reason was read at the branch's HEAD (else in its history).</summary>
    public static bool AtHead(Protection protection) => ((GitOrigin)protection.Reason.Origin).AtHead;

    public static string Deployment(string image) => KubeObjects.Deployment("api", image, "kotkan");

    /// <summary>One commit per tag of apps/api.yaml, a Deployment of registry.example.org/team/api at that tag; the commit ids, oldest first.</summary>
    public string[] CommitApi(params string[] tags) =>
        [.. tags.Select(tag =>
        {
            Repo.Write("apps/api.yaml", Deployment($"registry.example.org/team/api:{tag}"));
            return Repo.Commit($"api {tag}");
        })];

    /// <summary>A shell script in the folder, executable, to run as git in its place; its path.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public string GitWrapper(string name, string script)
    {
        var wrapper = _folder.Write(name, "#!/bin/sh\n" + script);
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return wrapper;
    }

    public void Dispose() => _folder.Dispose();
}
