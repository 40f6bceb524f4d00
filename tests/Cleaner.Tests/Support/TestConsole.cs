using System.Text;

namespace OciCleanup.Cleaner.Tests.Support;

/// <summary>A console a test reads back: standard output (lines and streamed reports alike) and standard error.</summary>
internal sealed class TestConsole
{
    private readonly MemoryStream _out = new();
    private readonly StreamWriter _outWriter;
    private readonly StringWriter _error = new();

    public TestConsole()
    {
        _outWriter = new StreamWriter(_out, new UTF8Encoding(false), leaveOpen: true) { AutoFlush = true };
        Console = new CommandConsole(_outWriter, _error, () => new NonClosingStream(_out));
    }

    public CommandConsole Console { get; }

    public string Out => Encoding.UTF8.GetString(_out.ToArray());

    public string Error => _error.ToString();

    /// <summary>The command line wired to this console; its registries made by <paramref name="registries"/> when given.</summary>
    public Task<int> InvokeAsync(string[] args, Func<RegistryConfig, Microsoft.Extensions.Logging.ILoggerFactory, TimeProvider, OciCleanup.Cleaner.Inventory.Store.InventoryCache?, IRegistry>? registries = null) =>
        Cli.InvokeAsync(args, new CompositionRoot(TimeProvider.System, Console) { RegistryMaker = registries ?? RegistryFactory.Create });

    /// <summary>Standard output as the command sees it: the report writer closes its stream, the console stays open.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
