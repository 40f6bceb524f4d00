using OciCleanup.Pins;

namespace OciCleanup.Cleaner;

/// <summary>
/// Reads a whole body under a limit tighter than its client's (a manifest's 4 MiB under the 32 MiB of
/// any response): an announced length over it is refused before a byte is read, and a body without
/// one (chunked) is cut off one byte past it. The client's <see cref="BoundedContent"/> keeps its deadline.
/// </summary>
internal static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var announced = content is BoundedContent bounded ? bounded.Announced : content.Headers.ContentLength;
        if (announced > limit)
        {
            throw Announces(announced.Value, limit);
        }

        await using var body = await content.ReadAsStreamAsync(cancellationToken);
        using var bytes = new MemoryStream(announced is { } length ? (int)length : 0);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - bytes.Length)), cancellationToken)) > 0)
        {
            bytes.Write(chunk, 0, read);
            if (bytes.Length > limit)
            {
                throw new ResponseBodyException($"the body is larger than the {ResponseBodyException.Size(limit)} limit");
            }
        }

        return bytes.ToArray();
    }

    public static ResponseBodyException Announces(long announced, long limit) =>
        new($"the body announces {announced} bytes, over the {ResponseBodyException.Size(limit)} limit");
}
