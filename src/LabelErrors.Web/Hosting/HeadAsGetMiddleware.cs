namespace LabelErrors.Web.Hosting;

/// <summary>
/// Answers HEAD wherever GET is answered (images, link-preview cards, exports, pages, the API): the request runs as a
/// GET, so the headers (status, ETag, Content-Type, Content-Length, Cache-Control) are GET's own, and the body is
/// counted and thrown away. Endpoints map GET only; without this, HEAD found no endpoint and got the 404 page.
/// </summary>
public sealed class HeadAsGetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        var discarded = new DiscardedBody();
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = discarded;
        // The server must see HEAD again before the headers go out: it then sends no body and does not check the
        // written length against Content-Length.
        context.Response.OnStarting(() =>
        {
            context.Request.Method = HttpMethods.Head;
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
            // A GET whose whole body was written before the response started gets its Content-Length from the server;
            // say the same length here, where the server saw no body. (A flushed, streamed GET is chunked: no length.)
            if (!context.Response.HasStarted && context.Response.ContentLength is null && !discarded.Flushed && discarded.Length > 0)
                context.Response.ContentLength = discarded.Length;
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }

    /// <summary>A write-only sink that remembers how much was written and whether the writer flushed on the way.</summary>
    private sealed class DiscardedBody : Stream
    {
        private long _length;

        public bool Flushed { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        // A flush with body written sends a GET's headers at once, chunked: such a GET has no Content-Length.
        public override void Flush() => Flushed |= _length > 0;

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flush();
            return Task.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
