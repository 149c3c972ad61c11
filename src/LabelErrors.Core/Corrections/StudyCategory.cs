namespace LabelErrors.Core.Corrections;

/// <summary>
/// The study's reading of an example's Mechanical Turk votes (3 of 5 workers make a consensus), plus
/// <see cref="Unchecked"/> for the examples the workers never saw.
/// </summary>
public enum StudyCategory
{
    Unchecked,
    NotAnError,
    Correctable,
    MultiLabel,
    Neither,
    NonAgreement,
}

/// <summary>The names used in exports and URLs (kebab-case, as in the study's vocabulary); stable, files depend on them.</summary>
public static class StudyCategoryNames
{
    public static string Format(StudyCategory category) => category switch
    {
        StudyCategory.NotAnError => "not-an-error",
        StudyCategory.Correctable => "correctable",
        StudyCategory.MultiLabel => "multi-label",
        StudyCategory.Neither => "neither",
        StudyCategory.NonAgreement => "non-agreement",
        _ => "unchecked",
    };
}
