using LabelErrors.Core.Content;
using LabelErrors.Core.Study;

namespace LabelErrors.Core.Tests.Study;

/// <summary>The study's files as bundled in the repository (wwwroot-assets is part of the repository, always present).</summary>
internal static class StudyFiles
{
    public static BundledAssets Assets { get; } = BundledAssets.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("wwwroot-assets not found above the test binaries");

    public static IReadOnlyList<string> ClassNames(StudyDataset dataset) =>
        StudyClassNames.Parse(Assets.ReadAllBytes(StudyCatalogue.ClassNamesFile))[dataset.ClassNamesKey];

    public static IReadOnlyList<MturkRecord> Votes(string slug)
    {
        var dataset = StudyCatalogue.Get(slug);
        return MturkFileParser.Parse(Assets.ReadAllBytes(dataset.MturkFile), dataset, ClassNames(dataset));
    }
}
