using LabelErrors.Web.Jobs;

namespace LabelErrors.Web.Uploads;

public static class UploadServiceCollectionExtensions
{
    /// <summary>Uploads, their storage, and the analysis job queue with its hosted workers.</summary>
    public static IServiceCollection AddLabelErrorsUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<JobOptions>().Bind(configuration.GetSection(JobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.AddHttpContextAccessor();
        services.AddSingleton<UploadStorage>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<UploadQueries>();
        services.AddSingleton<Annotators.AnnotatorQueries>();
        services.AddSingleton<Annotators.AnnotatorLeaderboard>();
        services.AddSingleton<PageUploadRateLimiter>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<JobProgressFeed>();
        services.AddSingleton<AnalysisJobQueue>();
        services.AddSingleton<AnalysisRunner>();
        services.AddSingleton<ResultWriter>();
        services.AddSingleton<Jobs.MultiLabel.MultiLabelAnalysisRunner>();
        services.AddSingleton<Jobs.MultiLabel.MultiLabelResultWriter>();
        services.AddSingleton<MultiLabel.MultiLabelGallery>();
        services.AddSingleton<MultiLabel.MultiLabelExport>();
        services.AddSingleton<Charting.MultiLabel.MultiLabelCharts>();
        JobRetryPipeline.Register(services, configuration);
        services.AddSingleton<JobDatabaseSteps>();
        services.AddHostedService<AnalysisWorkerService>();

        return services;
    }
}
