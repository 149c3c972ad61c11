using LabelErrors.Data.Entities;

namespace LabelErrors.Web.Browse;

/// <summary>A link of the navigation menu: one listed dataset.</summary>
public sealed record DatasetLink(string Slug, string Name, Modality Modality);

/// <summary>
/// The datasets the navigation menu lists (the study's and listed uploads). Every page renders the menu; the list
/// comes from <see cref="DatasetDirectory"/>, which keeps it in memory.
/// </summary>
public sealed class DatasetMenu(DatasetDirectory directory)
{
    public async Task<IReadOnlyList<DatasetLink>> ListAsync(CancellationToken cancellationToken = default) =>
        (await directory.ListedAsync(cancellationToken)).Select(d => new DatasetLink(d.Slug, d.Name, d.Modality)).ToList();
}
