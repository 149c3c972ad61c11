using LabelErrors.Core.Study;
using LabelErrors.Data.Entities;

namespace LabelErrors.Data.Import;

/// <summary>The core's consensus reading as the database stores it.</summary>
public static class ConsensusMapping
{
    public static ConsensusCategory ToCategory(ConsensusKind kind) => kind switch
    {
        ConsensusKind.NotAnError => ConsensusCategory.NotAnError,
        ConsensusKind.Correctable => ConsensusCategory.Correctable,
        ConsensusKind.MultiLabel => ConsensusCategory.MultiLabel,
        ConsensusKind.Neither => ConsensusCategory.Neither,
        ConsensusKind.NonAgreement => ConsensusCategory.NonAgreement,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Modality ToModality(StudyModality modality) => modality switch
    {
        StudyModality.Image => Modality.Image,
        StudyModality.Text => Modality.Text,
        StudyModality.Audio => Modality.Audio,
        _ => throw new ArgumentOutOfRangeException(nameof(modality), modality, null),
    };
}
