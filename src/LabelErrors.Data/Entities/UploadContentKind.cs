namespace LabelErrors.Data.Entities;

public enum UploadContentKind
{
    None,
    Images,
    Text,
}
