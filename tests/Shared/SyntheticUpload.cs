using System.Globalization;
using System.Text;
using LabelErrors.Core.Formats;

namespace LabelErrors.Tests.Shared;

/// <summary>
/// A made-up classification test set written as real upload files: labels (int64 .npy) and out-of-sample pred_probs
/// (float32 .npy) from a seeded noisy model, with a known fraction of labels flipped so there are issues to find.
/// </summary>
public sealed class SyntheticUpload : IDisposable
{
    public SyntheticUpload(int examples, int classes, int seed = 7, double flipFraction = 0.08)
    {
        Folder = Directory.CreateTempSubdirectory("le-upload-").FullName;
        var random = new Random(seed);
        Labels = new long[examples];
        PredProbs = new float[examples * classes];
        var row = new double[classes];
        for (var i = 0; i < examples; i++)
        {
            var truth = i % classes;
            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                row[c] = random.NextDouble() * 0.5 + (c == truth ? 2.0 + random.NextDouble() * 4 : 0);
                sum += row[c];
            }
            for (var c = 0; c < classes; c++)
                PredProbs[i * classes + c] = (float)(row[c] / sum);
            Labels[i] = random.NextDouble() < flipFraction ? (truth + 1 + random.Next(classes - 1)) % classes : truth;
        }
        Examples = examples;
        Classes = classes;
        LabelsPath = Path.Combine(Folder, "labels.npy");
        PredProbsPath = Path.Combine(Folder, "pred_probs.npy");
        Npy.Write(LabelsPath, Labels, examples);
        Npy.Write(PredProbsPath, PredProbs, examples, classes);
    }

    public string Folder { get; }
    public int Examples { get; }
    public int Classes { get; }
    public long[] Labels { get; }
    public float[] PredProbs { get; }
    public string LabelsPath { get; }
    public string PredProbsPath { get; }

    public string WriteClassNames(string fileName = "classes.txt")
    {
        var path = Path.Combine(Folder, fileName);
        File.WriteAllLines(path, Enumerable.Range(0, Classes).Select(c => $"class {c}"));
        return path;
    }

    public string WriteTextContent(int count)
    {
        var path = Path.Combine(Folder, "texts.csv");
        var text = new StringBuilder("index,text\n");
        for (var i = 0; i < count; i++)
            text.Append(CultureInfo.InvariantCulture, $"{i},\"Example {i}, with a comma and a \"\"quote\"\"\"\n");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
