namespace LabelErrors.Web.Charting.MultiLabel;

/// <summary>One class's flagged (example, class) pairs by kind: a given label that is likely wrong, a likely missing one.</summary>
public sealed record ClassIssueCounts(int ClassIndex, string ClassName, int LabelWrong, int LabelMissing)
{
    public int Total => LabelWrong + LabelMissing;
}

/// <summary>One bin [<see cref="From"/>, <see cref="To"/>) of the examples' label quality (the last bin includes 1): flagged and not flagged.</summary>
public sealed record QualityBin(double From, double To, int Flagged, int NotFlagged);

/// <summary>The charts of a multi-label upload: issues per class and kind, and the label quality distribution.</summary>
public sealed record MultiLabelChartSet(string Slug, string Name, int Examples, int FlaggedExamples, IReadOnlyList<ClassIssueCounts> Classes, IReadOnlyList<QualityBin> Quality);
