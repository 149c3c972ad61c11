namespace LabelErrors.Data.Entities;

/// <summary>One class of a dataset: its integer label as used in the label arrays, and its human-readable name.</summary>
public sealed class DatasetClass
{
    public int DatasetId { get; set; }
    public int Index { get; set; }
    public required string Name { get; set; }
}
