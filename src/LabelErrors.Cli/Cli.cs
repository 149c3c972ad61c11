using System.CommandLine;
using LabelErrors.Cli.Commands;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli;

/// <summary>Entry point of the <c>labelerrors</c> tool, callable in-process (tests pass their own writers).</summary>
public static class Cli
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var errorIsTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        return RunAsync(args, new CliContext(stdout, stderr, errorIsTerminal), cancellationToken);
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = BuildRootCommand(context);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            var messages = string.Join("; ", parseResult.Errors.Select(e => OneLine(e.Message).TrimEnd('.')));
            context.Error.WriteLine($"labelerrors: {messages} (see 'labelerrors --help')");
            return ExitCodes.BadInput;
        }

        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (LabelErrorsInputException e)
        {
            context.Error.WriteLine($"labelerrors: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ArgumentException e)
        {
            // The algorithms check their inputs too; what they refuse is still the user's input, not a crash.
            context.Error.WriteLine($"labelerrors: input refused by the algorithm: {OneLine(WithoutParameterName(e))}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("labelerrors: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            // Never a stack trace: name the failure in one line so it can be reported.
            context.Error.WriteLine($"labelerrors: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.InternalError;
        }
    }

    public static RootCommand BuildRootCommand(CliContext context)
    {
        var root = new RootCommand("Find label errors in classification datasets from labels and out-of-sample predicted probabilities (confident learning, as in cleanlab).");
        foreach (var command in CommandCatalog.Create(context))
            root.Subcommands.Add(command);
        return root;
    }

    private static string WithoutParameterName(ArgumentException e) =>
        e.ParamName is { } name ? e.Message.Replace($" (Parameter '{name}')", "") : e.Message;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
