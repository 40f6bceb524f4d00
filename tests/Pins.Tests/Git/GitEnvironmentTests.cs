using OciCleanup.Pins.Git;

namespace OciCleanup.Pins.Tests.Git;

/// <summary>Credentials reach git only by the environment: a path to the token or key file, never the secret, never an argument.</summary>
public class GitEnvironmentTests
{
    private static readonly GitSourceOptions Options = new("infra", "ssh://git@git.example.org/ops/infra.git", "main", [], "/state/git/infra");

    [Fact]
    public void For_SshKeyFile_KeyNamedByVariableInGitSshCommand()
    {
        var environment = GitEnvironment.For(Options with { SshKeyFile = "/run/credentials/deploy-key" }, "/state/git/askpass.sh");

        environment[GitEnvironment.KeyFileVariable].ShouldBe("/run/credentials/deploy-key");
        environment["GIT_SSH_COMMAND"].ShouldBe($"ssh -i \"${GitEnvironment.KeyFileVariable}\" -o IdentitiesOnly=yes -o BatchMode=yes");
        environment["GIT_TERMINAL_PROMPT"].ShouldBe("0");
    }

    [Fact]
    public void For_TokenFile_OnlyItsPathAndNoCredentialHelper()
    {
        var environment = GitEnvironment.For(Options with { TokenFile = "/run/credentials/git-token" }, "/state/git/askpass.sh");

        environment[GitEnvironment.TokenFileVariable].ShouldBe("/run/credentials/git-token");
        environment["GIT_ASKPASS"].ShouldBe("/state/git/askpass.sh");
        environment["GIT_CONFIG_KEY_0"].ShouldBe("credential.helper");
        environment["GIT_CONFIG_VALUE_0"].ShouldBe("");
        environment.ContainsKey("GIT_SSH_COMMAND").ShouldBeFalse();
    }
}
