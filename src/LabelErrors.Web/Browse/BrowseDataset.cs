using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Browse;

/// <summary>What the browse pages need of a dataset: identity, modality and its class names by label index.</summary>
public sealed record BrowseDataset(int Id, string Slug, string Name, Modality Modality, long TestSetSize, IReadOnlyDictionary<int, string> ClassNames)
{
    public string ClassName(int? label) =>
        label is null ? "—" : ClassNames.TryGetValue(label.Value, out var name) ? name : $"class {label}";

    /// <summary>Images at or below 32×32 pixels are upscaled with hard pixel edges rather than blurred.</summary>
    public bool HasTinyImages => Slug is "mnist" or "cifar10" or "cifar100" or "quickdraw";

    /// <summary>The sentiment sets asked workers about neutral / off-topic instead of both / neither.</summary>
    public bool HasSentimentVotes => Slug is "imdb" or "amazon";

    public bool IsText => Modality == Modality.Text;

    /// <summary>A user's upload: no Mechanical Turk votes or consensus; its own scopes and filters (UploadGallery).</summary>
    public bool IsUpload { get; init; }

    /// <summary>
    /// What the example's own label is called on cards: "given", or "consensus" for an upload labelled by several
    /// annotators (its label is their CROWDLAB consensus, and its label quality the consensus quality).
    /// </summary>
    public string LabelWord { get; init; } = "given";

    public bool IsConsensus => LabelWord == "consensus";

    /// <summary>False for an upload made without images or texts: the cards show a placeholder instead.</summary>
    public bool HasContent { get; init; } = true;

    /// <summary>
    /// The same dataset with only the named classes: what a prerendered page hands to its circuit must stay small
    /// (SignalR's 32 KB message limit; ImageNet alone has 1,000 class names).
    /// </summary>
    public BrowseDataset WithOnlyClasses(IEnumerable<int?> labels)
    {
        var wanted = labels.OfType<int>().ToHashSet();
        return this with { ClassNames = ClassNames.Where(c => wanted.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Value) };
    }
}
