namespace OciCleanup.TestServers;

/// <summary>Bytes a fault has handed to the connection so far: proof that a client stopped reading.</summary>
public sealed class ByteCount
{
    private long _bytes;

    public long Value => Interlocked.Read(ref _bytes);

    public void Add(long bytes) => Interlocked.Add(ref _bytes, bytes);
}
