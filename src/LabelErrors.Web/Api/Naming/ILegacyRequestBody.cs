namespace LabelErrors.Web.Api.Naming;

/// <summary>A JSON request body that still accepts the previous release's snake_case property names.</summary>
public interface ILegacyRequestBody
{
    /// <summary>True when the client sent an old name (e.g. <c>browser_id</c>): it is answered the old way.</summary>
    bool UsesLegacyNames { get; }
}
