namespace LabelErrors.Core.ConfidentLearning.MultiAnnotator;

/// <summary>
/// cleanlab's <c>assert_valid_inputs_multiannotator</c>, with the reasons spelled out and stricter on values:
/// NaN/infinite pred_probs are refused. Throws <see cref="ArgumentException"/>.
/// </summary>
internal static class MultiAnnotatorChecks
{
    private const int Listed = 10;

    public static void Validate(AnnotatorLabels labels, PredProbs? predProbs, bool allowSingleLabel)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.N == 0) throw new ArgumentException("labels_multiannotator has no examples.", nameof(labels));
        if (labels.M == 0) throw new ArgumentException("labels_multiannotator has no annotators.", nameof(labels));

        var unlabelledExamples = new List<int>();
        bool anyMultiple = false;
        int maxLabel = -1;
        for (int i = 0; i < labels.N; i++)
        {
            int count = 0;
            foreach (int label in labels.Row(i))
            {
                if (label == AnnotatorLabels.Missing) continue;
                if (label < 0)
                {
                    throw new ArgumentException($"Labels must be non-negative class indices (example {i} has {label}).", nameof(labels));
                }

                count++;
                maxLabel = Math.Max(maxLabel, label);
            }

            if (count == 0) unlabelledExamples.Add(i);
            anyMultiple |= count > 1;
        }

        if (unlabelledExamples.Count > 0)
        {
            throw new ArgumentException(
                $"Every example needs at least one label; {Count(unlabelledExamples.Count, "example")} without any: {List(unlabelledExamples.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))}.",
                nameof(labels));
        }

        var counts = labels.NumExamplesLabeled();
        var idle = Enumerable.Range(0, labels.M).Where(j => counts[j] == 0).Select(j => $"'{labels.AnnotatorIds[j]}'").ToList();
        if (idle.Count > 0)
        {
            throw new ArgumentException(
                $"Every annotator must label at least one example; {Count(idle.Count, "annotator")} labelled none: {List(idle)}. Remove the column.",
                nameof(labels));
        }

        if (!allowSingleLabel)
        {
            if (labels.M < 2)
            {
                throw new ArgumentException(
                    "Multi-annotator analysis needs more than one annotator; with a single annotator use the single-label label quality scores.",
                    nameof(labels));
            }

            if (!anyMultiple)
            {
                throw new ArgumentException(
                    "Every example has only one label; with one label per example use the single-label label quality scores.",
                    nameof(labels));
            }
        }

        if (predProbs is null) return;
        if (predProbs.N != labels.N)
        {
            throw new ArgumentException(
                $"pred_probs and labels_multiannotator must have the same length ({predProbs.N} rows, {labels.N} examples).", nameof(predProbs));
        }

        if (maxLabel >= predProbs.K)
        {
            throw new ArgumentException(
                $"pred_probs must have at least {maxLabel + 1} columns based on the largest class label in labels_multiannotator, but has {predProbs.K}.",
                nameof(predProbs));
        }

        predProbs.EnsureFinite();
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return string.Join(", ", all.Take(Listed)) + (all.Count > Listed ? $" and {all.Count - Listed} more" : "");
    }
}
