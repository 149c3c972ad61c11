using System.IO.Compression;
using System.Text;
using LabelErrors.Tests.Shared;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LabelErrors.Web.Tests.Uploads;

/// <summary>
/// The bad-upload corpus, written from code: each case is an upload that must be refused with a 4xx, a message naming
/// the problem (<see cref="BadUpload.MessagePart"/>) and the field it concerns, and nothing stored.
/// A valid base upload has 6 examples and 3 classes; each case breaks one thing.
/// </summary>
public static class BadUploadCorpus
{
    public const long ContentUncompressedLimit = 1 << 20;
    public const long PredProbsLimit = 64 * 1024;

    private static readonly long[] GoodLabels = [0, 1, 2, 0, 1, 2];

    private static readonly float[] GoodProbs =
    [
        0.8f, 0.1f, 0.1f, 0.1f, 0.8f, 0.1f, 0.1f, 0.1f, 0.8f,
        0.7f, 0.2f, 0.1f, 0.2f, 0.7f, 0.1f, 0.1f, 0.2f, 0.7f,
    ];

    public static byte[] LabelsNpy => NpyBytes.Make("<i8", "(6,)", NpyBytes.Int64(GoodLabels));

    public static byte[] PredProbsNpy => NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(GoodProbs));

    public static UploadForm Valid() => new UploadForm().File("labels", "labels.npy", LabelsNpy).File("pred_probs", "pred_probs.npy", PredProbsNpy);

    private static float[] ProbsWith(int index, float value)
    {
        var copy = (float[])GoodProbs.Clone();
        copy[index] = value;
        return copy;
    }

    private static BadUpload PredProbs(string name, byte[] npy, string message, string fileName = "pred_probs.npy") =>
        new(name, () => Valid().File("pred_probs", fileName, npy), "pred_probs", message);

    private static BadUpload Labels(string name, byte[] bytes, string message, string fileName = "labels.npy") =>
        new(name, () => Valid().File("labels", fileName, bytes), "labels", message);

    private static BadUpload Content(string name, byte[] bytes, string message, string fileName = "content.zip") =>
        new(name, () => Valid().File("content", fileName, bytes), "content", message);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    private static byte[] Png(int width, int height)
    {
        using var image = new Image<Rgba32>(width, height);
        using var buffer = new MemoryStream();
        image.SaveAsPng(buffer);
        return buffer.ToArray();
    }

    public static IReadOnlyList<BadUpload> All { get; } =
    [
        // Shapes
        Labels("labels 2-D", NpyBytes.Make("<i8", "(3, 2)", NpyBytes.Int64(GoodLabels)), "labels must be a 1-D array"),
        PredProbs("pred_probs 1-D", NpyBytes.Make("<f4", "(18,)", NpyBytes.Float32(GoodProbs)), "pred_probs must be a 2-D array"),
        PredProbs("pred_probs 3-D", NpyBytes.Make("<f4", "(6, 3, 1)", NpyBytes.Float32(GoodProbs)), "pred_probs must be a 2-D array"),
        PredProbs("pred_probs rows differ from labels", NpyBytes.Make("<f4", "(3, 3)", NpyBytes.Float32(GoodProbs[..9])), "pred_probs has 3 rows but"),
        PredProbs("pred_probs one column", NpyBytes.Make("<f4", "(6, 1)", NpyBytes.Float32(1, 1, 1, 1, 1, 1)), "at least 2 columns"),
        // Values
        PredProbs("NaN", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(ProbsWith(4, float.NaN))), "value nan is not a finite number"),
        PredProbs("infinity", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(ProbsWith(4, float.PositiveInfinity))), "value inf is not a finite number"),
        PredProbs("negative probability", NpyBytes.Make("<f8", "(6, 3)", NpyBytes.Float64([.. ProbsWith(0, -0.1f).Select(f => (double)f)])), "is negative"),
        PredProbs("row sums to 0.9", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(ProbsWith(0, 0.7f))), "not 1"),
        PredProbs("row sums to 1.5", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(ProbsWith(0, 1.3f))), "not 1"),
        Labels("label out of range", NpyBytes.Make("<i8", "(6,)", NpyBytes.Int64(0, 1, 2, 0, 5, 2)), "label 5 is out of range"),
        Labels("negative label", NpyBytes.Make("<i8", "(6,)", NpyBytes.Int64(0, 1, -1, 0, 1, 2)), "label -1 is out of range"),
        Labels("only one class", NpyBytes.Make("<i8", "(6,)", NpyBytes.Int64(1, 1, 1, 1, 1, 1)), "only one class"),
        // Broken .npy files
        PredProbs("truncated data", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(GoodProbs)[..40]), "pred_probs.npy:"),
        PredProbs("truncated header", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(GoodProbs))[..30], "pred_probs.npy:"),
        PredProbs("not an npy file", Utf8("this is not numpy\n"), "pred_probs.npy:"),
        PredProbs("Fortran order", NpyBytes.Make("<f4", "(6, 3)", NpyBytes.Float32(GoodProbs), fortran: true), "Fortran-order"),
        PredProbs("big-endian with NaN", NpyBytes.Make(">f4", "(6, 3)", NpyBytes.Float32BigEndian(ProbsWith(2, float.NaN))), "not a finite number"),
        PredProbs("big-endian truncated", NpyBytes.Make(">f4", "(6, 3)", NpyBytes.Float32BigEndian(GoodProbs)[..50]), "pred_probs.npy:"),
        PredProbs("object dtype", NpyBytes.Make("|O", "(6, 3)", new byte[64]), "pred_probs.npy:"),
        PredProbs("unicode dtype", NpyBytes.Make("<U4", "(6, 3)", new byte[6 * 3 * 16]), "pred_probs.npy:"),
        Labels("fractional labels", NpyBytes.Make("<f8", "(6,)", NpyBytes.Float64(0, 1, 2.5, 0, 1, 2)), "labels.npy:"),
        // CSV and text files
        PredProbs("CSV with a word", Utf8("0.8,0.1,0.1\n0.1,abc,0.1\n0.1,0.1,0.8\n0.7,0.2,0.1\n0.2,0.7,0.1\n0.1,0.2,0.7\n"), "pred_probs.csv:", "pred_probs.csv"),
        PredProbs("CSV ragged row", Utf8("0.8,0.1,0.1\n0.1,0.9\n0.1,0.1,0.8\n0.7,0.2,0.1\n0.2,0.7,0.1\n0.1,0.2,0.7\n"), "pred_probs.csv:", "pred_probs.csv"),
        Labels("labels CSV with an unknown word", Utf8("0\n1\n2\nzebra\n1\n2\n"), "labels.csv:", "labels.csv"),
        new("class name formula", () => Valid().File("class_names", "classes.txt", Utf8("cat\n=HYPERLINK(\"http://x\")\ndog\n")), "class_names", "spreadsheet formula"),
        new("wrong class-name count", () => Valid().File("class_names", "classes.txt", Utf8("cat\ndog\n")), "class_names", "2 class names but pred_probs has 3 columns"),
        new("class names invalid JSON", () => Valid().File("class_names", "classes.json", Utf8("[\"cat\", \"dog\"")), "class_names", "invalid JSON"),
        Content("text CSV formula cell", Utf8("index,text\n0,fine\n1,=cmd|' /C calc'!A0\n"), "spreadsheet formula", "texts.csv"),
        Content("text CSV index out of range", Utf8("index,text\n0,fine\n6,too far\n"), "index 6 is out of range", "texts.csv"),
        Content("text CSV duplicate index", Utf8("0,one\n0,again\n"), "a second text for example 0", "texts.csv"),
        // Zip content
        Content("zip path traversal", Zip(("../../evil.png", Png(2, 2))), "path traversal"),
        Content("zip absolute path", Zip(("/etc/evil.png", Png(2, 2))), "absolute path"),
        Content("zip bomb", Zip(("0.png", new byte[ContentUncompressedLimit + 1])), "zip bomb"),
        Content("zip entry not an image", Zip(("0.png", Utf8("not a png at all"))), "is not an image"),
        Content("zip entry not named by index", Zip(("cat.png", Png(2, 2))), "must be the example index"),
        Content("zip entry index out of range", Zip(("6.png", Png(2, 2))), "index 6 is out of range"),
        Content("zip image too large", Zip(("0.png", Png(5000, 1))), "at most 4096 per side"),
        Content("not a zip", Utf8("PK but not really"), "not a readable zip"),
        // Form
        new("missing pred_probs", () => new UploadForm().File("labels", "labels.npy", LabelsNpy), "pred_probs", "required"),
        new("wrong labels extension", () => Valid().File("labels", "labels.exe", LabelsNpy), "labels", "expected a .npy or .csv or .txt file"),
        new("empty labels file", () => Valid().File("labels", "labels.npy", []), "labels", "the file is empty"),
        new("frac_noise out of range", () => Valid().Field("frac_noise", "2"), "frac_noise", "frac_noise '2' must be"),
        new("unknown filter_by", () => Valid().Field("filter_by", "magic"), "filter_by", "filter_by 'magic' is not one of"),
        new("pred_probs above the size limit", () => Valid().File("pred_probs", "pred_probs.npy", new byte[PredProbsLimit + 1]), "pred_probs", "larger than the limit"),
    ];
}

/// <summary>One refused upload of the corpus.</summary>
public sealed record BadUpload(string Name, Func<UploadForm> Form, string Field, string MessagePart)
{
    public override string ToString() => Name;
}
