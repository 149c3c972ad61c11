namespace LabelErrors.Core.Scoring;

/// <summary>
/// Where the study's cross-validated model outputs are bundled (paths relative to the bundled assets root, as
/// originally named). Amazon and QuickDraw released none.
/// </summary>
public static class StudyModelFiles
{
    private static readonly Dictionary<string, string> Stems = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mnist"] = "mnist_test_set",
        ["cifar10"] = "cifar10_test_set",
        ["cifar100"] = "cifar100_test_set",
        ["caltech256"] = "caltech256",
        ["imagenet"] = "imagenet_val_set",
        ["20news"] = "20news_test_set",
        ["imdb"] = "imdb_test_set",
        ["audioset"] = "audioset_eval_set",
    };

    /// <summary>The name the study's model gets in a ranking table.</summary>
    public const string ModelName = "Study's cross-validated model";

    public static string? PredictedLabels(string slug) =>
        Stems.TryGetValue(slug, out var stem) ? $"label-errors/cross_validated_predicted_labels/{stem}_pyx_argmax_predicted_labels.npy" : null;

    /// <summary>Released for MNIST, CIFAR-10, IMDB and 20news only.</summary>
    public static string? PredProbs(string slug) =>
        slug.ToLowerInvariant() is "mnist" or "cifar10" or "imdb" or "20news"
            ? $"label-errors/cross_validated_predicted_probabilities/{Stems[slug.ToLowerInvariant()]}_pyx.npy"
            : null;
}
