namespace LabelErrors.Cli.Output;

public enum HealthFormat
{
    Text,
    Json,
}
