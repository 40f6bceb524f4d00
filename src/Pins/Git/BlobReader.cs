using System.Globalization;
using System.Text;

namespace OciCleanup.Pins.Git;

/// <summary>
/// Reads many blobs through one <c>git cat-file --batch</c>: ids in on standard input, <c>ID blob SIZE\n</c>
/// and the bytes out. A blob larger than <see cref="MaxBytes"/> is read past, not kept.
/// </summary>
public static class BlobReader
{
    /// <summary>The largest file read; a YAML file larger than this is skipped with a warning.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    /// <summary>Each blob's text by id; null for one larger than <see cref="MaxBytes"/>.</summary>
    public static Task<Dictionary<string, string?>> ReadAsync(GitProcess git, IReadOnlyCollection<string> blobs, TimeSpan timeout, CancellationToken cancellationToken) =>
        git.StreamAsync(
            ["cat-file", "--batch"],
            async input =>
            {
                var text = Encoding.ASCII.GetBytes(string.Concat(blobs.Select(b => b + "\n")));
                await input.WriteAsync(text, cancellationToken);
            },
            output => ReadAllAsync(output, blobs.Count, cancellationToken),
            timeout,
            cancellationToken);

    private static async Task<Dictionary<string, string?>> ReadAllAsync(Stream output, int count, CancellationToken cancellationToken)
    {
        var reader = new BufferedStream(output, 1 << 16);
        var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var header = (await ReadLineAsync(reader, cancellationToken)).Split(' ');
            if (header.Length != 3 || header[1] != "blob")
            {
                throw new GitException($"git cat-file answered '{string.Join(' ', header.Take(2))}' for a blob the tree names");
            }

            var size = long.Parse(header[2], CultureInfo.InvariantCulture);
            var keep = size <= MaxBytes;
            var buffer = new byte[keep ? size + 1 : 1 << 16];
            for (long left = size + 1; left > 0;)
            {
                var read = await reader.ReadAsync(keep ? buffer.AsMemory((int)(size + 1 - left), (int)left) : buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)), cancellationToken);
                left -= read > 0 ? read : throw new GitException("git cat-file ended in the middle of a blob");
            }

            texts[header[0]] = keep ? Encoding.UTF8.GetString(buffer, 0, (int)size) : null;
        }

        return texts;
    }

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, cancellationToken) == 1 && one[0] != '\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString();
    }
}
