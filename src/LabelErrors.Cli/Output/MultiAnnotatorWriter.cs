using System.Globalization;
using System.Text;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;

namespace LabelErrors.Cli.Output;

/// <summary>The multiannotator command's two CSV tables (cleanlab's label_quality and annotator_stats).</summary>
internal static class MultiAnnotatorWriter
{
    public const string LabelQualityHeader = "index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations";
    public const string AnnotatorStatsHeader = "annotator,annotator_quality,agreement_with_consensus,worst_class,num_examples_labeled";

    /// <summary>One row per example, in index order.</summary>
    public static async Task WriteLabelQualityAsync(TextWriter writer, MultiAnnotatorResult result)
    {
        // blocks of rows formatted side by side (formatting is most of the writing), then written in order
        const int blockRows = 16_384;
        int n = result.ConsensusLabel.Length;
        var blocks = new string[(n + blockRows - 1) / blockRows];
        Parallel.For(0, blocks.Length, b => blocks[b] = FormatRows(result, b * blockRows, Math.Min(n, (b + 1) * blockRows)));
        await writer.WriteAsync(LabelQualityHeader + "\n");
        foreach (var block in blocks) await writer.WriteAsync(block);
    }

    private static string FormatRows(MultiAnnotatorResult result, int start, int end)
    {
        var chunk = new StringBuilder((end - start) * 48);
        for (int i = start; i < end; i++)
        {
            chunk.Append(CultureInfo.InvariantCulture, $"{i},{result.ConsensusLabel[i]},")
                .Append(CsvNumber.Format(result.ConsensusQualityScore[i])).Append(',')
                .Append(CsvNumber.Format(result.AnnotatorAgreement[i])).Append(',')
                .Append(result.NumAnnotations[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return chunk.ToString();
    }

    /// <summary>One row per annotator in cleanlab's order (lowest quality first); an empty annotator_quality is cleanlab's NaN.</summary>
    public static async Task WriteAnnotatorStatsAsync(TextWriter writer, MultiAnnotatorResult result)
    {
        var text = new StringBuilder(AnnotatorStatsHeader).Append('\n');
        foreach (var row in result.AnnotatorStats)
        {
            text.Append(CsvQuote(row.AnnotatorId)).Append(',')
                .Append(CsvNumber.Format(row.AnnotatorQuality)).Append(',')
                .Append(CsvNumber.Format(row.AgreementWithConsensus)).Append(',')
                .Append(CultureInfo.InvariantCulture, $"{row.WorstClass},{row.NumExamplesLabeled}\n");
        }

        await writer.WriteAsync(text);
    }

    // RFC 4180: annotator ids come from the user's header and may hold commas or quotes
    private static string CsvQuote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || field != field.Trim() ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
}
