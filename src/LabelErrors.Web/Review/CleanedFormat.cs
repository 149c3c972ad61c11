namespace LabelErrors.Web.Review;

/// <summary>The cleaned labels' file format: the one the labels were uploaded in, unless asked otherwise.</summary>
public enum CleanedFormat
{
    Csv,
    Npy,
}

/// <summary>What the cleaned labels do with excluded examples.</summary>
public enum ExcludedHandling
{
    /// <summary>Left out: the file has one label fewer per excluded example (the decision log says which).</summary>
    Drop,

    /// <summary>Kept in place with the label <see cref="CleanedLabels.ExcludedMark"/> (-1), so positions stay aligned.</summary>
    Mark,
}
