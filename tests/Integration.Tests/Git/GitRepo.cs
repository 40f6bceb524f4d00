using System.Diagnostics;
using System.Globalization;

namespace OciCleanup.Integration.Tests.Git;

/// <summary>A real Git repository made with the <c>git</c> CLI, with commits at chosen times.</summary>
internal sealed class GitRepo
{
    private DateTimeOffset _clock = DateTimeOffset.UtcNow.AddDays(-30);

    public GitRepo(string path, string branch = "main")
    {
        Path = path;
        Directory.CreateDirectory(path);
        Run("init", "--quiet", "--initial-branch=" + branch);
    }

    public string Path { get; }

    public void Write(string file, string text)
    {
        var full = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    /// <summary>Commits everything, an hour after the previous commit; returns the commit id.</summary>
    public string Commit(string message)
    {
        Run("add", "--all");
        Run("commit", "--quiet", "--allow-empty", "-m", message);
        return Head;
    }

    /// <summary>Reverts <paramref name="commit"/> as a new commit; returns its id.</summary>
    public string Revert(string commit)
    {
        Run("revert", "--no-edit", commit);
        return Head;
    }

    public string Head => Run("rev-parse", "HEAD").Trim();

    public string Run(params string[] arguments)
    {
        _clock = _clock.AddHours(1);
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path };
        foreach (var argument in (string[])["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        var date = _clock.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Result : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {errors}");
    }
}
