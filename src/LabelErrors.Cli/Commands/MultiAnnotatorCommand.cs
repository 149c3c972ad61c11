using System.CommandLine;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning.MultiAnnotator;
using LabelErrors.Core.Formats;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Commands;

/// <summary><c>multiannotator</c>: cleanlab's get_label_quality_multiannotator (CROWDLAB) on labels from several annotators.</summary>
public static class MultiAnnotatorCommand
{
    private static readonly string[] ConsensusChoices = ["best_quality", "majority_vote"];
    private static readonly string[] QualityChoices = ["crowdlab", "agreement"];

    public static Command Create(CliContext context)
    {
        var labels = new Option<string>("--labels", "-l")
        {
            Description = "Annotator labels, CSV: a header of annotator ids, one row per example, an empty cell where that annotator gave no label.",
            Required = true,
        };
        var predProbs = new Option<string>("--pred-probs", "-p")
        {
            Description = "Out-of-sample predicted probabilities, N×K: .npy or CSV (as for find-issues).",
            Required = true,
        };
        var consensus = new Option<string>("--consensus-method")
        {
            Description = "How the consensus label is chosen (cleanlab's consensus_method).",
            DefaultValueFactory = _ => ConsensusChoices[0],
        };
        consensus.AcceptOnlyFromAmong(ConsensusChoices);
        var quality = new Option<string>("--quality-method")
        {
            Description = "How consensus and annotator quality are scored (cleanlab's quality_method).",
            DefaultValueFactory = _ => QualityChoices[0],
        };
        quality.AcceptOnlyFromAmong(QualityChoices);
        var renormalize = new Option<bool>("--renormalize")
        {
            Description = "Divide each pred_probs row by its sum instead of refusing rows that do not sum to 1.",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write index,consensus_label,consensus_quality_score,annotator_agreement,num_annotations here instead of standard output.",
        };
        var statsOutput = new Option<string?>("--annotator-stats")
        {
            Description = "Also write annotator,annotator_quality,agreement_with_consensus,worst_class,num_examples_labeled here (worst annotator first).",
        };

        var command = new Command("multiannotator",
            "Consensus labels and their quality from several annotators' labels and pred_probs (CROWDLAB), and per-annotator statistics.");
        foreach (var option in new Option[] { labels, predProbs, consensus, quality, renormalize, output, statsOutput })
            command.Options.Add(option);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            var labelsPath = parseResult.GetValue(labels)!;
            var predProbsPath = parseResult.GetValue(predProbs)!;
            progress.Report($"reading annotator labels from {labelsPath}");
            // pred_probs are read on the other core while the labels parse; a problem in the labels is still the one
            // reported when both files have one
            var matrixRead = Task.Run(() => InputFiles.ReadPredProbs(predProbsPath), cancellationToken);
            AnnotatorLabelsInput annotatorLabels;
            try
            {
                annotatorLabels = AnnotatorLabelsCsv.Read(labelsPath);
            }
            catch
            {
                _ = matrixRead.ContinueWith(read => _ = read.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                throw;
            }

            progress.SetExampleCount(annotatorLabels.Labels.N);
            progress.Report($"reading pred_probs from {predProbsPath}");
            var matrixInput = await matrixRead;
            var matrix = InputValidator.ValidatePredProbs(matrixInput, new ValidationOptions { Renormalize = parseResult.GetValue(renormalize) });
            AnnotatorLabelsValidator.Validate(annotatorLabels, matrixInput);

            var consensusMethod = parseResult.GetValue(consensus) == "majority_vote" ? ConsensusMethod.MajorityVote : ConsensusMethod.BestQuality;
            var qualityMethod = parseResult.GetValue(quality) == "agreement" ? QualityMethod.Agreement : QualityMethod.Crowdlab;
            progress.Report($"{annotatorLabels.Labels.N} examples × {annotatorLabels.Labels.M} annotators: estimating consensus labels and their quality");
            var result = await Task.Run(
                () => MultiAnnotatorLabelQuality.Get(annotatorLabels.Labels, matrix, consensusMethod, qualityMethod),
                cancellationToken);

            await TextOutput.WriteAsync(parseResult.GetValue(output), context, writer => MultiAnnotatorWriter.WriteLabelQualityAsync(writer, result));
            if (parseResult.GetValue(statsOutput) is { } statsPath)
                await TextOutput.WriteAsync(statsPath, context, writer => MultiAnnotatorWriter.WriteAnnotatorStatsAsync(writer, result));
            return ExitCodes.Success;
        });
        return command;
    }
}
