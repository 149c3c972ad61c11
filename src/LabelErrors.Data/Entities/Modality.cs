namespace LabelErrors.Data.Entities;

/// <summary>What kind of content a dataset's examples are; decides how the UI shows them and which vote options apply.</summary>
public enum Modality
{
    Image,
    Text,
    Audio,
}
