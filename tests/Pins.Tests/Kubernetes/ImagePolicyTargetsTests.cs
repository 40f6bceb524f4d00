namespace OciCleanup.Pins.Tests.Kubernetes;

public class ImagePolicyTargetsTests
{
    private static readonly Dictionary<string, JsonNode> Repositories = new()
    {
        ["apps/podinfo"] = JsonNode.Parse("""{"metadata":{"name":"podinfo","namespace":"apps"},"spec":{"image":"git.example.org/team/podinfo"}}""")!,
    };

    private static JsonObject Policy(string pattern, string extract = "") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "podinfo", ["namespace"] = "apps" },
        ["spec"] = new JsonObject
        {
            ["imageRepositoryRef"] = new JsonObject { ["name"] = "podinfo" },
            ["filterTags"] = new JsonObject { ["pattern"] = pattern, ["extract"] = extract },
            ["policy"] = new JsonObject { ["alphabetical"] = new JsonObject { ["order"] = "asc" } },
        },
    };

    [Theory]
    [InlineData("^staging$", "staging")]
    [InlineData("^main-[a-fA-F0-9]+-(?P<ts>.*)", "main-3f2a1b-1718000000")]
    [InlineData("^[[:digit:]]+$", "12345")]
    public void Of_FilterTagsPattern_BecomesThePolicyFluxWouldApplyToTheRepositorysTags(string pattern, string picked)
    {
        var target = ImagePolicyTargets.Of("armer", Policy(pattern), Repositories).Select(p => p.Target).OfType<TagPolicyTarget>().ShouldHaveSingleItem();

        target.Registry.ShouldBe("git.example.org");
        target.Repository.ShouldBe("team/podinfo");
        target.Policy.Pick(["staging", "staging-latest", "main-3f2a1b-1718000000", "dev-3f2a1b-1718000000", "12345", "12a45"]).Tags.ShouldBe([picked]);
    }

    [Fact]
    public void Of_StatusRefs_ProtectTagAndDigestOfLatestAndPrevious()
    {
        var digest = "sha256:" + new string('c', 64);
        var policy = JsonNode.Parse($$$"""
            {"metadata":{"name":"podinfo","namespace":"apps"},"spec":{"imageRepositoryRef":{"name":"podinfo"},"policy":{"semver":{"range":">=6.0.0"} } },
             "status":{"latestRef":{"name":"git.example.org/team/podinfo","tag":"6.5.1","digest":"{{{digest}}}"},
                       "observedPreviousRef":{"name":"git.example.org/team/podinfo","tag":"6.5.0"},
                       "latestImage":"git.example.org/team/podinfo:6.5.1"}}
            """)!;

        var images = ImagePolicyTargets.Of("armer", policy, Repositories).Where(p => p.Target is ImageTarget).Select(p => (((ImageTarget)p.Target).Image.ToString(), p.IsHistory)).ToList();

        // The previous pick is history: kept while it exists, no dangling reference once it is gone.
        images.ShouldBe([($"git.example.org/team/podinfo:6.5.1@{digest}", false), ("git.example.org/team/podinfo:6.5.1", false), ("git.example.org/team/podinfo:6.5.0", true)], ignoreOrder: true);
    }

    [Theory]
    [InlineData("""{"name":"podinfo"}""", null)]
    [InlineData("""{"name":"podnifo"}""", "armer/apps/ImagePolicy/podinfo names ImageRepository apps/podnifo, which does not exist: Flux stalls the policy")]
    [InlineData("""{"name":"podinfo","namespace":"flux-system"}""", "names ImageRepository flux-system/podinfo, which does not exist")]
    public void MissingRepository_RefNamesNoImageRepository_WarnsNamingPolicyAndRepository(string reference, string? expected)
    {
        var policy = JsonNode.Parse($$"""{"metadata":{"name":"podinfo","namespace":"apps"},"spec":{"imageRepositoryRef":{{reference}},"policy":{"alphabetical":{} } } }""")!;

        var warning = ImagePolicyTargets.MissingRepository("armer", policy, Repositories);

        if (expected is null)
        {
            warning.ShouldBeNull();
        }
        else
        {
            warning.ShouldNotBeNull().Kind.ShouldBe(WarningKind.ImageRepositoryMissing);
            warning.Detail.ShouldContain(expected);
        }
    }

    [Fact]
    public void Of_PatternThatCannotBeRead_FailsInsteadOfProtectingNothing()
    {
        var policy = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "podinfo", ["namespace"] = "apps" },
            ["spec"] = new JsonObject { ["imageRepositoryRef"] = new JsonObject { ["name"] = "podinfo" }, ["filterTags"] = new JsonObject { ["pattern"] = "^main-(" }, ["policy"] = new JsonObject { ["alphabetical"] = new JsonObject() } },
        };

        Should.Throw<KubernetesSourceException>(() => ImagePolicyTargets.Of("armer", policy, Repositories).ToList()).Message.ShouldContain("armer/apps/ImagePolicy/podinfo");
    }

    [Theory]
    [InlineData("^staging(?!-latest)", "cannot run in linear time")]
    [InlineData(@"^(\w+)-\1$", "cannot run in linear time")]
    [InlineData("^main-(", "does not parse")]
    [InlineData("(?<=v)1", "cannot run in linear time")]
    [InlineData("^(?>a+)b", "cannot run in linear time")]
    [InlineData("^[[:^digit:]]$", "does not parse")]
    public void Of_PatternThatCannotRunInLinearTime_FailsNamingThePolicyAndWhy(string pattern, string why)
    {
        var message = Should.Throw<KubernetesSourceException>(() => ImagePolicyTargets.Of("armer", Policy(pattern), Repositories).ToList()).Message;

        message.ShouldStartWith($"armer/apps/ImagePolicy/podinfo: filterTags.pattern '{pattern}' {why}");
    }
}
