namespace LabelErrors.Cli.Output;

public enum OutputFormat
{
    Csv,
    Json,
}
