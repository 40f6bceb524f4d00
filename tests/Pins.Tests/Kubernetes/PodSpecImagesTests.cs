namespace OciCleanup.Pins.Tests.Kubernetes;

public class PodSpecImagesTests
{
    [Theory]
    [InlineData("docker-pullable://git.example.org/o/app@sha256:abc", "git.example.org/o/app@sha256:abc")]
    [InlineData("docker://git.example.org/o/app@sha256:abc", "git.example.org/o/app@sha256:abc")]
    [InlineData("git.example.org/o/app@sha256:abc", "git.example.org/o/app@sha256:abc")]
    [InlineData("sha256:0f1e2d3c", null)]
    [InlineData("docker://sha256:0f1e2d3c", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ImageId_StatusForms_KeepsOnlyRepositoryDigests(string? imageId, string? expected)
    {
        PodSpecImages.ImageId(imageId).ShouldBe(expected);
    }
}
