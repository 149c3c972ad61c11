namespace LabelErrors.Web.Uploads;

/// <summary>Who a request comes from, for rate limits and the per-client queue cap: the remote address.</summary>
public static class ClientKeys
{
    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
