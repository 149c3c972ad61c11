namespace LabelErrors.Web.Images;

/// <summary>Where an example's content was found along the chain; part of the ETag.</summary>
public enum ContentSourceKind
{
    Bundled,
    ConfiguredFolder,
    Remote,
    Placeholder,
}
