using LabelErrors.Core.Corrections;

namespace LabelErrors.Web.Corrections;

/// <summary>A corrected test set written in one format: the bytes, how to serve them, and the counts behind them.</summary>
public sealed record CorrectedExportFile(byte[] Content, string ContentType, string FileName, CorrectedLabelSet Set);
