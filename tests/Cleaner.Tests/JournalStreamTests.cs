namespace OciCleanup.Cleaner.Tests;

public sealed class JournalStreamTests
{
    [Theory]
    [InlineData("8:46823", "socket:[46823]", true)]
    [InlineData("8:46823", "pipe:[46823]", true)]
    [InlineData("8:46823", "socket:[46824]", false)] // inherited from a parent, stderr is another stream
    [InlineData("8:46823", "/var/log/oci-cleanup.log", false)] // stderr redirected to a file
    [InlineData("8:46823", null, false)]
    [InlineData(null, "socket:[46823]", false)]
    [InlineData("", "socket:[46823]", false)]
    [InlineData("46823", "socket:[46823]", false)]
    [InlineData("8:", "socket:[]", false)]
    public void Matches_JournalStreamAgainstStderr_OnlyWhenTheInodeIsStderrs(string? journalStream, string? stderrLink, bool expected)
    {
        JournalStream.Matches(journalStream, stderrLink).ShouldBe(expected);
    }
}
