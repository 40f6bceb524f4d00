namespace OciCleanup.Integration.Tests.Deployment;

/// <summary>nix/assertions.nix, a plain function of the rendered settings: what the program would reject fails the NixOS build.</summary>
public sealed class NixAssertionsTests
{
    private const string GoodSettings = """{ mode = "dry-run"; registries = [ { name = "main"; kind = "gitea"; url = "https://git.example.org"; owners = [ "oleks" ]; } ]; }""";

    [Theory]
    [InlineData("s", null)]
    [InlineData("s // { registries = [ ]; }", "settings.registries is empty")]
    [InlineData("s // { registries = [ (builtins.removeAttrs r [ \"owners\" ]) ]; }", "settings.registries.main: a gitea registry needs at least one owner")]
    [InlineData("s // { registries = [ (r // { kind = \"forgejo\"; owners = [ ]; }) ]; }", "settings.registries.main: a gitea registry needs at least one owner")]
    [InlineData("s // { mode = \"delet\"; }", "mode must be dry-run or delete, not \"delet\"")]
    [InlineData("s // { safety.maxDeleteFraction = 1.5; }", "settings.safety.maxDeleteFraction must be between 0 and 1, not 1.5")]
    [InlineData("s // { safety.maxProtectedShrink = -0.1; }", "settings.safety.maxProtectedShrink must be between 0 and 1")]
    [InlineData("s // { safety.maxDeletes = -1; }", "settings.safety.maxDeletes must be a whole number >= 0")]
    [InlineData("s // { retention.default.keepLast = -1; }", "settings.retention.keepLast must be a whole number >= 0")]
    [InlineData("s // { registries = [ r r ]; }", "two registries have the same name")]
    [InlineData("s // { registries = [ (r // { kind = \"harbor\"; }) ]; }", "settings.registries.main.kind must be gitea, forgejo or oci")]
    [InlineData("s // { registries = [ (r // { url = \"ftp://git.example.org\"; }) ]; }", "settings.registries.main.url must be an http(s) URL")]
    [InlineData("s // { registries = [ (r // { tokenFile = \"/a\"; tokenEnv = \"B\"; }) ]; }", "give tokenFile or tokenEnv, not both")]
    [InlineData("s // { registries = [ (r // { kind = \"oci\"; repositories = { names = [ \"team/app\" ]; include = [ \"team/*\" ]; }; }) ]; }", "settings.registries.main.repositories: give names, or include/exclude, not both")]
    [InlineData("s // { registries = [ (r // { kind = \"oci\"; repositories = { names = [ \"team/app\" ]; include = [ ]; exclude = [ ]; }; }) ]; }", null)]
    [InlineData("s // { registries = [ (r // { tokenFile = \"/nix/store/abc-token\"; }) ]; }", "is in the Nix store")]
    [InlineData("s // { registries = [ (r // { name = \"main:1\"; }) ]; }", "must be letters, digits")]
    [InlineData("s // { clusters = [ { name = \"a/b\"; } ]; }", "settings.clusters: name \"a/b\" must be letters, digits")]
    [InlineData("s // { retention.packages = [ { match = \"\"; } ]; }", "every override needs a match")]
    public async Task Assertions_BadSettings_FailWithAMessage(string settings, string? message)
    {
        var failed = await NixEval.EvalAsync($"let s = {GoodSettings}; r = builtins.head s.registries; in map (a: a.message) (builtins.filter (a: !a.assertion) (import ./nix/assertions.nix ({settings})))");

        var messages = failed.EnumerateArray().Select(e => e.GetString()!).ToList();
        if (message is null)
        {
            messages.ShouldBeEmpty();
        }
        else
        {
            messages.ShouldContain(m => m.Contains(message, StringComparison.Ordinal));
        }
    }
}
