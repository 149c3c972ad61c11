using LabelErrors.Core.ConfidentLearning.Streaming;
using LabelErrors.Core.Formats;
using LabelErrors.Web.Uploads;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>Allocation counts are process-wide, so this class runs alone, after the parallel collections.</summary>
[CollectionDefinition(nameof(AllocationMeasurement), DisableParallelization = true)]
public sealed class AllocationMeasurement;

/// <summary>Issue #7: validating an upload must not load its pred_probs (the app's memory stays bounded).</summary>
[Collection(nameof(AllocationMeasurement))]
public sealed class UploadValidationMemoryTests : IDisposable
{
    private const int Classes = 100;

    private readonly string _folder = Directory.CreateTempSubdirectory("le-upload-memory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validating_an_npy_upload_allocates_far_less_than_its_pred_probs()
    {
        // Each validation worker reads into its own block buffer; the file is made several times larger than all of
        // them together, so loading it (what the in-memory path does) cannot pass the bound below.
        long workerBuffers = (long)Environment.ProcessorCount * StreamingOptions.DefaultBlockBytes;
        var rows = (int)Math.Max(100_000, workerBuffers * 4 / (Classes * sizeof(float)));
        var files = WriteUpload(rows);
        long predProbsBytes = new FileInfo(files[UploadField.PredProbs].Path).Length;
        long bound = workerBuffers + rows * sizeof(long) * 2L + (4 << 20);
        Assert.True(bound < predProbsBytes / 2, $"the bound {bound} must stay well below the file's {predProbsBytes} bytes");

        long before = GC.GetTotalAllocatedBytes(precise: true);
        var validated = UploadValidator.Validate(files, _folder, new UploadOptions(), CancellationToken.None);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal((rows, Classes), (validated.ExampleCount, validated.ClassCount));
        Assert.True(allocated < bound, $"validation allocated {allocated:N0} bytes for a {predProbsBytes:N0}-byte pred_probs (bound {bound:N0})");
    }

    private Dictionary<string, StagedFile> WriteUpload(int rows)
    {
        var labels = new long[rows];
        var probs = new float[(long)rows * Classes];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = i % Classes;
            for (var c = 0; c < Classes; c++)
                probs[(long)i * Classes + c] = c == labels[i] ? 0.505f : 0.005f;
        }
        var labelsPath = Path.Combine(_folder, "labels.npy");
        var probsPath = Path.Combine(_folder, "pred_probs.npy");
        Npy.Write(labelsPath, labels, rows);
        Npy.Write(probsPath, probs, rows, Classes);
        return new Dictionary<string, StagedFile>
        {
            [UploadField.Labels] = new(UploadField.Labels, "labels.npy", labelsPath, new FileInfo(labelsPath).Length),
            [UploadField.PredProbs] = new(UploadField.PredProbs, "pred_probs.npy", probsPath, new FileInfo(probsPath).Length),
        };
    }
}
