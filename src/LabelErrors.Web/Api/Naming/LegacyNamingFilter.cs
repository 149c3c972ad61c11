using Microsoft.AspNetCore.Mvc;

namespace LabelErrors.Web.Api.Naming;

/// <summary>
/// On the endpoints that answered snake_case before (uploads, review, votes): when the client asks the old way (see
/// <see cref="LegacyNaming"/>), marks the answer deprecated and writes its JSON value with the old names. The handlers
/// and OpenAPI know only the camelCase contract.
/// </summary>
public sealed class LegacyNamingFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (LegacyNaming.AskedInQuery(http.Request) || context.Arguments.OfType<ILegacyRequestBody>().Any(b => b.UsesLegacyNames))
            LegacyNaming.Request(http);

        var result = await next(context);
        if (!LegacyNaming.IsRequested(http))
            return result;
        // A Results<…> union holds the answer it was made from.
        if (result is INestedHttpResult nested)
            result = nested.Result;
        return result is IValueHttpResult { Value: { } value and not ProblemDetails } && result is IStatusCodeHttpResult status
            ? Results.Json(value, LegacyNaming.SerializerOptions, statusCode: status.StatusCode)
            : result;
    }
}
