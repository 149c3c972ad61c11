using System.CommandLine;
using LabelErrors.Cli.Input;
using LabelErrors.Cli.Output;
using LabelErrors.Core.ConfidentLearning;
using LabelErrors.Core.Formats;

namespace LabelErrors.Cli.Commands;

/// <summary><c>health</c>: cleanlab's dataset health summary, per class and overall.</summary>
public static class HealthCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new InputOptions();
        var format = new Option<HealthFormat>("--format")
        {
            Description = "Output format: text (aligned table) or json.",
            DefaultValueFactory = _ => HealthFormat.Text,
        };
        var output = new OutputOptions();

        var command = new Command("health", "Per-class label quality (worst first) and the overall label health score.");
        inputs.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(output.Out);

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var progress = new Progress(context);
            var validated = inputs.Load(parseResult, context, progress);
            var predProbs = validated.PredProbs;

            progress.Report("estimating the joint distribution of given and true labels");
            var summary = await Task.Run(() => DatasetHealth.HealthSummary(validated.Labels, predProbs), cancellationToken);

            await output.WriteAsync(parseResult, context, writer =>
                HealthReportWriter.WriteAsync(writer, summary, parseResult.GetValue(format), validated.ClassNames));
            return ExitCodes.Success;
        });
        return command;
    }
}
