using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using LabelErrors.Core.ConfidentLearning;

namespace LabelErrors.Core.Tests.ConfidentLearning;

/// <summary>
/// Minimal test-only .npy reader (format v1/v2, little-endian C order, dtypes &lt;f4, &lt;f8, &lt;i8, &lt;u2, |u1)
/// for the reference inputs; to be replaced by the product reader from Formats/.
/// </summary>
internal static partial class TestNpy
{
    public static int[] ReadLabels(string path)
    {
        var (descr, shape, data) = Read(path);
        if (shape.Length != 1) throw new InvalidDataException($"{path}: expected a 1-D array, shape ({string.Join(",", shape)}).");
        int n = shape[0];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = descr switch
            {
                "<i8" => checked((int)BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(i * 8))),
                "<u2" => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(i * 2)),
                "|u1" => data[i],
                _ => throw new InvalidDataException($"{path}: unsupported label dtype {descr}."),
            };
        }

        return labels;
    }

    public static PredProbs ReadPredProbs(string path)
    {
        var (descr, shape, data) = Read(path);
        if (shape.Length != 2) throw new InvalidDataException($"{path}: expected a 2-D array.");
        int n = shape[0], k = shape[1];
        switch (descr)
        {
            case "<f8":
                {
                    var values = new double[n * k];
                    for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadDoubleLittleEndian(data.AsSpan(i * 8));
                    return PredProbs.FromDouble(values, n, k);
                }

            case "<f4":
                {
                    var values = new float[n * k];
                    for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(data.AsSpan(i * 4));
                    return PredProbs.FromSingle(values, n, k);
                }

            default:
                throw new InvalidDataException($"{path}: unsupported pred_probs dtype {descr}.");
        }
    }

    private static (string Descr, int[] Shape, byte[] Data) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
        {
            throw new InvalidDataException($"{path}: not a .npy file.");
        }

        int major = bytes[6];
        int headerLength, headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
            headerStart = 10;
        }
        else if (major == 2)
        {
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)));
            headerStart = 12;
        }
        else
        {
            throw new InvalidDataException($"{path}: unsupported .npy version {major}.");
        }

        string header = Encoding.ASCII.GetString(bytes, headerStart, headerLength);
        string descr = DescrPattern().Match(header).Groups[1].Value;
        if (FortranPattern().Match(header).Groups[1].Value != "False") throw new InvalidDataException($"{path}: Fortran order is not supported.");
        var shape = ShapePattern().Match(header).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(int.Parse)
            .ToArray();
        return (descr, shape, bytes[(headerStart + headerLength)..]);
    }

    [GeneratedRegex(@"'descr':\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order':\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
