using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Components.Browse;

/// <summary>How the UI names and explains the consensus categories (3 of 5 workers make a consensus).</summary>
public static class ConsensusText
{
    public static string Name(ConsensusCategory? category) => category switch
    {
        ConsensusCategory.Correctable => "correctable",
        ConsensusCategory.MultiLabel => "multi-label",
        ConsensusCategory.Neither => "neither",
        ConsensusCategory.NonAgreement => "non-agreement",
        ConsensusCategory.NotAnError => "not an error",
        _ => "not checked",
    };

    public static string Meaning(ConsensusCategory? category) => category switch
    {
        ConsensusCategory.Correctable => "A majority of workers chose the label confident learning guessed: the given label is wrong and can be corrected to the guessed one.",
        ConsensusCategory.MultiLabel => "A majority of workers said both labels apply: the example belongs to more than one class.",
        ConsensusCategory.Neither => "A majority of workers said neither label applies: the example fits neither the given nor the guessed class.",
        ConsensusCategory.NonAgreement => "No answer reached a majority: the workers disagreed, so the example is ambiguous.",
        ConsensusCategory.NotAnError => "A majority of workers chose the given label: the original label is right and this is not a label error.",
        _ => "Mechanical Turk workers did not check this example.",
    };

    /// <summary>The CSS class suffix of a category (its colour in the badge).</summary>
    public static string CssClass(ConsensusCategory? category) => category is null ? "none" : Name(category).Replace(' ', '-');
}
