namespace LabelErrors.Core.Tests.Formats;

/// <summary>
/// A read-only stream that, like Blazor's browser-file stream, refuses synchronous reads and returns at most
/// a few bytes per call, so that tests catch both sync reads and assumptions about full reads.
/// </summary>
internal sealed class AsyncOnlyStream(byte[] bytes, int maxBytesPerRead = 7) : Stream
{
    private readonly MemoryStream _inner = new(bytes, writable: false);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("synchronous read");

    public override int Read(Span<byte> buffer) => throw new NotSupportedException("synchronous read");

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_inner.Read(buffer.Span[..Math.Min(buffer.Length, maxBytesPerRead)]));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
