using System.Net;
using OciCleanup.Pins;

namespace OciCleanup.Cleaner;

/// <summary>
/// A response's content, read through a <see cref="BoundedStream"/>. Its deadline starts when the
/// headers arrive. A <c>Content-Length</c> over the limit is refused at the first read, before a byte
/// is read, and never shown as this content's length: <see cref="HttpContent"/> buffering sizes its
/// buffer by it, so a lying <c>Content-Length: 2000000000</c> would cost 2 GB before any check.
/// </summary>
internal sealed class BoundedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _limit;
    private readonly TimeSpan _timeout;
    private readonly CancellationTokenSource _deadline;

    public BoundedContent(HttpContent inner, long limit, TimeSpan timeout, TimeProvider clock)
    {
        (_inner, _limit, _timeout) = (inner, limit, timeout);
        _deadline = new CancellationTokenSource(timeout, clock);
        foreach (var header in inner.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    /// <summary>The length the server announced, whatever it is.</summary>
    public long? Announced => _inner.Headers.ContentLength;

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        RefuseOversized();
        return Bounded(await _inner.ReadAsStreamAsync(cancellationToken));
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken)
    {
        RefuseOversized();
        return Bounded(_inner.ReadAsStream(cancellationToken));
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken);
        await body.CopyToAsync(stream, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var body = CreateContentReadStream(cancellationToken);
        body.CopyTo(stream);
    }

    protected override bool TryComputeLength(out long length)
    {
        var known = Announced is { } announced && announced <= _limit;
        length = known ? Announced!.Value : 0;
        return known;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deadline.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private BoundedStream Bounded(Stream inner) => new(inner, _limit, _timeout, _deadline.Token);

    private void RefuseOversized()
    {
        if (Announced is { } announced && announced > _limit)
        {
            throw BoundedBody.Announces(announced, _limit);
        }
    }
}
