namespace OciCleanup.Pins.Tests;

public class DigestTests
{
    [Theory]
    [InlineData("sha256:" + "AB" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd", true)]
    [InlineData("sha256:0123", false)]
    [InlineData("sha1:0123456789abcdef0123456789abcdef01234567", false)]
    [InlineData("latest", false)]
    [InlineData(null, false)]
    public void TryParse_Text_AcceptsOnlyFullDigests(string? text, bool valid)
    {
        Digest.TryParse(text, out var digest).ShouldBe(valid);
        if (valid)
        {
            digest!.Value.ToString().ShouldBe(text!.ToLowerInvariant());
        }
    }

    [Fact]
    public void Sha256Of_Bytes_IsRegistryStyleDigest()
    {
        Digest.Sha256Of("abc"u8).ToString().ShouldBe("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
