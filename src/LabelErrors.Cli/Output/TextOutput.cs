using System.Text;
using LabelErrors.Core.Validation;

namespace LabelErrors.Cli.Output;

/// <summary>Runs a writer against a file (UTF-8 without BOM, replaced) or, without a path, standard output.</summary>
internal static class TextOutput
{
    public static async Task WriteAsync(string? path, CliContext context, Func<TextWriter, Task> write)
    {
        if (path is null)
        {
            await write(context.Out);
            await context.Out.FlushAsync();
            return;
        }

        StreamWriter file;
        try
        {
            file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new LabelErrorsInputException(path, $"cannot write output ({e.Message})", inner: e);
        }

        await using (file)
            await write(file);
    }
}
