using LabelErrors.Data;
using LabelErrors.Data.Entities;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests;

/// <summary>A started app's database given one listed study dataset (CIFAR-10's row, no examples): enough for the home page and the menu.</summary>
internal static class Cifar10Row
{
    public static async Task AddAsync(LabelErrorsAppFactory app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        db.Datasets.Add(new Dataset
        {
            Slug = "cifar10", Name = "CIFAR-10", Modality = Modality.Image, TestSetSize = 10_000, ClassCount = 10,
            Paper = new PaperFigures { ClGuessed = 275, MturkChecked = 275, Validated = 54, ErrorPercent = 0.54m },
        });
        await db.SaveChangesAsync();
    }
}
