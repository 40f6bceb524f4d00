using OciCleanup.Pins.PinsFiles;

namespace OciCleanup.Pins.Tests.PinsFiles;

public class PinsFileParserTests
{
    private const string Hex = "4f5a0e1b2c3d4e5f60718293a4b5c6d7e8f901122334455667788990aabbccdd";
    private static readonly Digest SomeDigest = Digest.Parse("sha256:" + Hex);
    private static readonly Digest OtherDigest = Digest.Parse("sha256:" + new string('0', 64));

    [Theory]
    // line, owner, type, name, version, digest, pinned?
    [InlineData("container/cms-plugins==staging", "oleks", "container", "cms-plugins", "staging", false, true)]
    [InlineData("container/cms-plugins==staging", "anton", "container", "cms-plugins", "staging", false, true)]
    [InlineData("container/cms-plugins==staging", "oleks", "container", "cms-plugins", "production", false, false)]
    [InlineData("container/CMS-Plugins==STAGING", "oleks", "container", "cms-plugins", "staging", false, true)]
    [InlineData("  container/cms-plugins==staging   # floating tag", "oleks", "container", "cms-plugins", "staging", false, true)]
    [InlineData("oleks:container/cms-plugins==staging", "oleks", "container", "cms-plugins", "staging", false, true)]
    [InlineData("oleks:container/cms-plugins==staging", "anton", "container", "cms-plugins", "staging", false, false)]
    [InlineData("container/cms-plugins", "oleks", "container", "cms-plugins", "0.1.7", false, true)]
    [InlineData("container/cms-plugins", "oleks", "container", "other", "0.1.7", false, false)]
    [InlineData("container/cms-plugins==v1.*", "oleks", "container", "cms-plugins", "v1.4.2", false, true)]
    [InlineData("container/cms-plugins==v1.*", "oleks", "container", "cms-plugins", "v2.0.0", false, false)]
    [InlineData("container/cms-*==*", "oleks", "container", "cms-api", "x", false, true)]
    [InlineData("container/team/app==v1", "oleks", "container", "team/app", "v1", false, true)]
    [InlineData("npm/left-pad==1.3.0", "oleks", "npm", "left-pad", "1.3.0", false, true)]
    [InlineData("npm/left-pad==1.3.0", "oleks", "container", "left-pad", "1.3.0", false, false)]
    [InlineData("container/cms-plugins@sha256:" + Hex, "oleks", "container", "cms-plugins", "0.1.9", true, true)]
    [InlineData("container/cms-plugins@sha256:" + Hex, "oleks", "container", "cms-plugins", "0.1.9", false, false)]
    public void Parse_ValidLine_PinsExactlyWhatItNames(string line, string owner, string type, string name, string version, bool carriesDigest, bool pinned)
    {
        var file = PinsFileParser.Parse("/etc/registry-pins.txt", line);

        file.Errors.ShouldBeEmpty();
        file.Rules.Length.ShouldBe(1);
        file.Rules[0].Matches(owner, type, name, version, carriesDigest ? SomeDigest : OtherDigest).ShouldBe(pinned);
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreIgnoredAndLinesCounted()
    {
        var file = PinsFileParser.Parse("pins.txt", "# floating tags\n\n   \ncontainer/cms-plugins==staging\r\ncontainer/cms-plugins==production\n");

        file.Errors.ShouldBeEmpty();
        file.Rules.Select(r => r.Location).ShouldBe(["pins.txt:4", "pins.txt:5"]);
    }

    [Theory]
    [InlineData("cms-plugins==staging", "is not a pin")]
    [InlineData("container/cms-plugins=staging", "is not a pin")]
    [InlineData("container/cms-plugins==", "empty version")]
    [InlineData("container/cms plugins==x", "white space")]
    [InlineData("contianer/cms-plugins==staging", "unknown package type 'contianer'")]
    [InlineData("container/cms-plugins@sha256:abc", "bad digest")]
    [InlineData("container//x==1", "empty path segment")]
    [InlineData("container/cms-plugins==a==b", "is not a pin")]
    public void Parse_BadLine_ReportsFileLineAndMessage(string line, string message)
    {
        var file = PinsFileParser.Parse("/etc/registry-pins.txt", "# header\ncontainer/ok==1\n" + line + "\n");

        file.IsValid.ShouldBeFalse();
        file.Rules.Length.ShouldBe(1);
        var error = file.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldStartWith("/etc/registry-pins.txt:3: ");
        error.Message.ShouldContain(message);
    }

    [Fact]
    public async Task ReadAsync_MissingFile_IsAnErrorNotNoPins()
    {
        var file = await PinsFileReader.ReadAsync("/nonexistent/registry-pins.txt", CancellationToken.None);

        file.IsValid.ShouldBeFalse();
        file.Errors.ShouldHaveSingleItem().Message.ShouldBe("pins file not found");
    }
}
