namespace LabelErrors.Core.Reporting;

public enum OutputFormat
{
    Csv,
    Json,
}
