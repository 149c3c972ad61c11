using System.CommandLine;
using System.Text;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Output;

/// <summary>--format and --out, shared by the commands that write a table.</summary>
public sealed class OutputOptions
{
    public Option<OutputFormat> Format { get; } = new("--format")
    {
        Description = "Output format: csv or json.",
        DefaultValueFactory = _ => OutputFormat.Csv,
    };

    public Option<string?> Out { get; } = new("--out", "-o")
    {
        Description = "Write the result to this file instead of standard output.",
    };

    public void AddTo(System.CommandLine.Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Out);
    }

    /// <summary>Runs <paramref name="write"/> against stdout or the --out file (UTF-8, no BOM).</summary>
    public Task WriteAsync(ParseResult parseResult, CliContext context, Func<TextWriter, Task> write) =>
        TextOutput.WriteAsync(parseResult.GetValue(Out), context, write);
}
