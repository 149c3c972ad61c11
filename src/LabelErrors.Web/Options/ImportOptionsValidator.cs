using LabelErrors.Core.Study;
using Microsoft.Extensions.Options;

namespace LabelErrors.Web.Options;

/// <summary>Fails the start with a clear message when the import is on but its data folder or a slug is wrong.</summary>
internal sealed class ImportOptionsValidator(IHostEnvironment environment) : IValidateOptions<ImportOptions>
{
    public ValidateOptionsResult Validate(string? name, ImportOptions options)
    {
        var failures = new List<string>();
        var unknown = options.Datasets.Where(slug => StudyCatalogue.All.All(d => d.Slug != slug)).ToList();
        if (unknown.Count > 0)
            failures.Add($"Import:Datasets names unknown datasets: {string.Join(", ", unknown)} (known: {string.Join(", ", StudyCatalogue.All.Select(d => d.Slug))})");
        if (options.OnStart && StudyAssetsLocator.Find(options, environment) is null)
        {
            failures.Add(string.IsNullOrWhiteSpace(options.AssetsRoot)
                ? "Import:OnStart is true but no wwwroot-assets folder was found above the app; set Import:AssetsRoot"
                : $"Import:AssetsRoot {options.AssetsRoot} does not exist");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
