namespace OciCleanup.Pins.Protection;

/// <summary>The one part of an image that Helm values give when the chart's defaults hold the repository.</summary>
public enum ImagePart
{
    /// <summary>Only a tag.</summary>
    Tag,

    /// <summary>Only a digest.</summary>
    Digest,
}
