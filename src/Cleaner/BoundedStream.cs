using OciCleanup.Pins;

namespace OciCleanup.Cleaner;

/// <summary>
/// A response body read under two bounds: at most <paramref name="limit"/> bytes, and done by
/// <paramref name="deadline"/>. Past the deadline the inner stream is disposed, which ends a read
/// waiting on the socket whether it is async or sync (KubernetesClient deserializes synchronously,
/// where no cancellation token reaches). Either bound ends in a <see cref="ResponseBodyException"/>.
/// </summary>
internal sealed class BoundedStream(Stream inner, long limit, TimeSpan timeout, CancellationToken deadline) : Stream
{
    private readonly CancellationTokenRegistration _abort = deadline.Register(inner.Dispose);
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        try
        {
            return Count(inner.Read(Slice(buffer)));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException && e is not ResponseBodyException && deadline.IsCancellationRequested)
        {
            throw TimedOut();
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        try
        {
            return Count(await inner.ReadAsync(Slice(buffer), both.Token));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException && e is not ResponseBodyException && deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw TimedOut();
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _abort.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    // One byte past the limit is enough to know the body is too large; never ask for more.
    private Span<byte> Slice(Span<byte> buffer) => buffer[..Room(buffer.Length)];

    private Memory<byte> Slice(Memory<byte> buffer) => buffer[..Room(buffer.Length)];

    private int Room(int wanted) => _read > limit ? throw TooLarge() : (int)Math.Min(wanted, limit + 1 - _read);

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw TooLarge() : read;
    }

    private ResponseBodyException TooLarge() => new($"the body is larger than the {ResponseBodyException.Size(limit)} limit");

    private ResponseBodyException TimedOut() => new($"the body was not read within {timeout.TotalSeconds:0.#} s");
}
