using Serilog;
using Serilog.Formatting.Compact;

namespace LabelErrors.Web.Hosting;

internal static class LoggingConfiguration
{
    /// <summary>Readable console lines in Development, compact JSON (one event per line) everywhere else.</summary>
    public static LoggerConfiguration ConfigureLabelErrorsLogging(this LoggerConfiguration logger, HostBuilderContext context, IServiceProvider services)
    {
        logger.ReadFrom.Configuration(context.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext();
        return context.HostingEnvironment.IsDevelopment()
            ? logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
            : logger.WriteTo.Console(new CompactJsonFormatter());
    }
}
