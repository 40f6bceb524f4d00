using System.Text.Json;

namespace OciCleanup.Integration.Tests.Support;

/// <summary>Evaluates a Nix expression at the repository root with nix-instantiate, strictly, to JSON.</summary>
internal static class NixEval
{
    /// <summary>The stub lib and the evaluation wrappers of the Nix tests.</summary>
    public const string Folder = "tests/Integration.Tests/Deployment/Nix";

    public static async Task<JsonElement> EvalAsync(string expression)
    {
        var result = await Tool.RunAsync("nix-instantiate", Repository.Root, "--eval", "--strict", "--json", "-E", expression);
        result.ExitCode.ShouldBe(0, result.Stderr);
        // stdout only: nix warns on stderr on a fresh machine.
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
