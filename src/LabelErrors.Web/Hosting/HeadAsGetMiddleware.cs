namespace LabelErrors.Web.Hosting;

/// <summary>
/// Answers HEAD wherever GET is answered (images, link-preview cards, exports, pages, the API): the request runs as a
/// GET, so the headers (status, ETag, Content-Type, Content-Length when GET sends one, Cache-Control) are GET's own,
/// and the body is thrown away. Endpoints map GET only; without this, HEAD found no endpoint and got the 404 page.
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
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
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
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
