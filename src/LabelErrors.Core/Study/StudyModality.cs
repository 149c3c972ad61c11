namespace LabelErrors.Core.Study;

/// <summary>What kind of content a study dataset holds (mirrors the database's modality).</summary>
public enum StudyModality
{
    Image,
    Text,
    Audio,
}
