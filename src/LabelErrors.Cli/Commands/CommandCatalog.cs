using System.CommandLine;

namespace LabelErrors.Cli.Commands;

/// <summary>The tool's subcommands; each lives in its own file (add new ones, e.g. import, here).</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        FindIssuesCommand.Create(context),
        ScoresCommand.Create(context),
        HealthCommand.Create(context),
        PaperCommand.Create(context),
        ImportCommand.Create(context),
        MultiAnnotatorCommand.Create(context),
        OutliersCommand.Create(context),
    ];
}
