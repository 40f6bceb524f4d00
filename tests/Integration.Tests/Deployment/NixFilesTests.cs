using System.Text.Json;

namespace OciCleanup.Integration.Tests.Deployment;

public sealed class NixFilesTests
{
    public static TheoryData<string> NixFiles() =>
        [.. new[] { "nix", "tests/Integration.Tests/Deployment/Nix" }.SelectMany(d => Directory.GetFiles(Repository.PathOf(d), "*.nix")).Select(f => Path.GetRelativePath(Repository.Root, f)).Append("flake.nix")];

    [Theory]
    [MemberData(nameof(NixFiles))]
    public async Task NixFile_Parses(string file)
    {
        var result = await Tool.RunAsync("nix-instantiate", Repository.Root, "--parse", file);

        result.ExitCode.ShouldBe(0, result.Output);
    }

    [Fact]
    public async Task DepsJson_EvaluatesAndMatchesTheProgramsRestoreGraph()
    {
        var result = await Tool.RunAsync("nix-instantiate", Repository.Root, "--eval", "--strict", "--json", "-E", "map (d: d.pname + \"/\" + d.version) (builtins.fromJSON (builtins.readFile ./nix/deps.json))");
        result.ExitCode.ShouldBe(0, result.Output);
        // stdout only: on a fresh install nix warns on stderr (no 'nixbld' group), which is not JSON.
        var pinned = JsonSerializer.Deserialize<string[]>(result.Stdout)!;
        // The test project references the program, so its restore graph is on disk.
        using var assets = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("src/Cleaner/obj/project.assets.json")));
        var restored = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(l => l.Value.GetProperty("type").GetString() == "package")
            .Select(l => l.Name);

        pinned.ShouldBe(restored, ignoreOrder: true, "nix/deps.json is stale: run nix/update-deps.sh");
    }
}
