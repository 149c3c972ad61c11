using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Images;

/// <summary>What the image endpoint needs to know about a dataset.</summary>
public sealed record DatasetImageInfo(int Id, string Slug, string Name, Modality Modality, long TestSetSize, IReadOnlyDictionary<int, string> ClassNames)
{
    public string ClassName(int? label) =>
        label is { } l ? ClassNames.TryGetValue(l, out var name) ? name : $"class {l}" : "—";
}
