using System.CommandLine;

namespace LabelErrors.Cli.Commands;

/// <summary>--task: multi-class (one label per example, the default) or multi-label (a list of class ids per example).</summary>
public sealed class TaskChoice
{
    public const string MultiClass = "multi-class";
    public const string MultiLabel = "multi-label";

    public TaskChoice()
    {
        Option.AcceptOnlyFromAmong(MultiClass, MultiLabel);
    }

    public Option<string> Option { get; } = new("--task")
    {
        Description = "multi-class (one label per example) or multi-label (labels: JSON array of arrays of class ids, or text with comma-separated ids per line; pred_probs: independent per-class probabilities).",
        DefaultValueFactory = _ => MultiClass,
    };

    public bool IsMultiLabel(ParseResult parseResult) => parseResult.GetValue(Option) == MultiLabel;
}
