using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>pred_probs saved in Fortran order (numpy's column-major layout, e.g. a transposed array) give the same results as C order.</summary>
public sealed class UploadFortranOrderTests
{
    [Theory]
    [InlineData("<f4")]
    [InlineData("<f8")]
    public async Task A_Fortran_order_upload_gives_the_same_issues_as_the_C_order_one(string descr)
    {
        using var data = new SyntheticUpload(examples: 3000, classes: 5, seed: 23);
        var columnMajor = new float[data.PredProbs.Length];
        for (var row = 0; row < data.Examples; row++)
            for (var column = 0; column < data.Classes; column++)
                columnMajor[column * data.Examples + row] = data.PredProbs[row * data.Classes + column];
        byte[] Bytes(float[] values) => descr == "<f4" ? NpyBytes.Float32(values) : NpyBytes.Float64([.. values.Select(v => (double)v)]);
        var shape = $"({data.Examples}, {data.Classes})";
        var cOrderNpy = NpyBytes.Make(descr, shape, Bytes(data.PredProbs));
        var fortranNpy = NpyBytes.Make(descr, shape, Bytes(columnMajor), fortran: true);
        await using var app = await TestSite.StartAsync();

        var cOrder = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", "pred_probs.npy", cOrderNpy));
        var fortran = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", "pred_probs.npy", fortranNpy));
        foreach (var accepted in new[] { cOrder, fortran })
            Assert.Equal("succeeded", (await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!)).GetProperty("state").GetString());

        var expected = await app.Client.GetStringAsync($"/api/v1/uploads/{cOrder.GetProperty("token").GetString()}/issues.csv");
        var actual = await app.Client.GetStringAsync($"/api/v1/uploads/{fortran.GetProperty("token").GetString()}/issues.csv");
        Assert.True(expected.Split('\n').Length > 100, "the synthetic set has label errors to find");
        Assert.Equal(expected, actual);
        // Beyond the issues: every example's given label, suggested label and label quality match too.
        await using var db = await app.DbAsync();
        var rows = await db.Examples.OrderBy(e => e.StudyIndex)
            .Select(e => new { e.DatasetId, e.StudyIndex, e.GivenLabel, e.PredictedLabel, e.LabelQuality, e.NormalizedMargin })
            .ToListAsync();
        var byDataset = rows.GroupBy(r => r.DatasetId).Select(g => g.Select(r => r with { DatasetId = 0 }).ToList()).ToList();
        Assert.Equal(2, byDataset.Count);
        Assert.Equal(data.Examples, byDataset[0].Count);
        Assert.Equal(byDataset[0], byDataset[1]);
    }
}
