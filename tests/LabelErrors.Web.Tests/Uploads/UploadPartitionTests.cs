using System.Net;
using LabelErrors.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// An upload's rows live in a partition of <c>examples</c> of its own (migration UploadPartitionsPerDataset,
/// UploadPartition): attached when its job succeeds, never when it fails, and dropped with the upload.
/// </summary>
public sealed class UploadPartitionTests
{
    [Fact]
    public async Task A_succeeded_upload_is_its_own_partition_and_deleting_the_upload_drops_it()
    {
        using var data = new SyntheticUpload(examples: 500, classes: 3);
        await using var app = await TestSite.StartAsync();
        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var token = accepted.GetProperty("token").GetString()!;
        Assert.Equal("succeeded", (await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!)).GetProperty("state").GetString());
        int datasetId;
        await using (var db = await app.DbAsync())
            datasetId = await db.Datasets.Select(d => d.Id).SingleAsync();

        Assert.Equal(500L, await ScalarAsync<long>(app, $"SELECT count(*) FROM ONLY examples_{datasetId}"));
        Assert.Equal(0L, await ScalarAsync<long>(app, $"SELECT count(*) FROM ONLY examples_default WHERE dataset_id = {datasetId}"));
        Assert.True(await ScalarAsync<bool>(app, $"SELECT relispartition FROM pg_class WHERE oid = 'examples_{datasetId}'::regclass"));
        Assert.Equal(0L, await StagingTablesAsync(app));
        // The columns the COPY leaves to the staging table's defaults: filled, and the defaults gone once attached.
        Assert.Equal(0L, await ScalarAsync<long>(app, $"SELECT count(*) FROM examples_{datasetId} WHERE is_mturk_checked OR is_validated_error OR annotator_agreement IS NOT NULL"));
        Assert.Equal(0L, await ScalarAsync<long>(app, $"SELECT count(*) FROM pg_attrdef WHERE adrelid = 'examples_{datasetId}'::regclass AND adnum IN (SELECT attnum FROM pg_attribute WHERE attrelid = adrelid AND attname IN ('is_mturk_checked', 'is_validated_error'))"));

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/uploads/{token}") { Headers = { { "X-Owner-Key", accepted.GetProperty("ownerKey").GetString() } } };
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.SendAsync(delete)).StatusCode);

        Assert.Null(await ScalarAsync<string?>(app, $"SELECT to_regclass('examples_{datasetId}')::text"));
        Assert.Equal(0L, await ScalarAsync<long>(app, "SELECT count(*) FROM examples"));
    }

    [Fact]
    public async Task An_upload_whose_save_fails_after_the_attach_leaves_no_rows_and_no_partition()
    {
        using var data = new SyntheticUpload(examples: 500, classes: 3);
        await using var app = await TestSite.StartAsync();
        // The health is written in the save's final transaction, after the ATTACH: failing there rolls the ATTACH back.
        await ScalarAsync<int>(app, """
            CREATE FUNCTION test_refuse_health() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'test refuses the health' USING ERRCODE = 'check_violation'; END $$;
            CREATE TRIGGER test_refuse_health BEFORE UPDATE OF upload_health_score ON datasets
                FOR EACH ROW EXECUTE FUNCTION test_refuse_health();
            SELECT 1;
            """);

        var accepted = await app.Api.PostAcceptedAsync(new UploadForm().File("labels", data.LabelsPath).File("pred_probs", data.PredProbsPath));
        var job = await app.Api.WaitAsync(accepted.GetProperty("jobUrl").GetString()!);

        Assert.Equal("failed", job.GetProperty("state").GetString());
        Assert.Contains("test refuses the health", job.GetProperty("error").GetString());
        await using var db = await app.DbAsync();
        var datasetId = await db.Datasets.Select(d => d.Id).SingleAsync();
        Assert.Equal(0, await db.Examples.CountAsync());
        Assert.Null(await ScalarAsync<string?>(app, $"SELECT to_regclass('examples_{datasetId}')::text"));
        Assert.Equal(0L, await StagingTablesAsync(app));
        Assert.Equal(1L, await ScalarAsync<long>(app, "SELECT count(*) FROM pg_inherits WHERE inhparent = 'examples'::regclass"));
    }

    [Fact]
    public async Task A_study_dataset_gets_its_own_partition_with_its_row_so_the_default_partition_stays_empty_and_deleting_it_drops_the_partition()
    {
        await using var app = await TestSite.StartAsync();
        int datasetId;
        await using (var db = await app.DbAsync())
        {
            var dataset = new LabelErrors.Data.Entities.Dataset
            {
                Slug = "study-part", Name = "Study", Modality = LabelErrors.Data.Entities.Modality.Image, TestSetSize = 2, ClassCount = 2,
            };
            db.Datasets.Add(dataset);
            await db.SaveChangesAsync();
            datasetId = dataset.Id;
            db.Examples.AddRange(new LabelErrors.Data.Entities.Example { DatasetId = datasetId, StudyIndex = 0, GivenLabel = 0 },
                new LabelErrors.Data.Entities.Example { DatasetId = datasetId, StudyIndex = 1, GivenLabel = 1 });
            await db.SaveChangesAsync();
        }

        Assert.Equal(2L, await ScalarAsync<long>(app, $"SELECT count(*) FROM ONLY examples_{datasetId}"));
        Assert.Equal(0L, await ScalarAsync<long>(app, "SELECT count(*) FROM ONLY examples_default"));
        Assert.Equal($"FOR VALUES IN ({datasetId})", await ScalarAsync<string>(app, $"SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'examples_{datasetId}'::regclass"));

        await using (var db = await app.DbAsync())
            await db.Datasets.Where(d => d.Id == datasetId).ExecuteDeleteAsync();

        Assert.Null(await ScalarAsync<string?>(app, $"SELECT to_regclass('examples_{datasetId}')::text"));
        Assert.Equal(0L, await ScalarAsync<long>(app, "SELECT count(*) FROM examples"));
    }

    private static Task<long> StagingTablesAsync(TestSite app) =>
        ScalarAsync<long>(app, @"SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relname LIKE 'examples\_%\_staging\_%'");

    private static async Task<T> ScalarAsync<T>(TestSite app, string sql)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
