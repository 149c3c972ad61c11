using System.Buffers.Binary;
using System.Text;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>The header of a .npy file (format versions 1.0, 2.0 and 3.0).</summary>
public sealed record NpyHeader(
    int MajorVersion,
    int MinorVersion,
    string Descr,
    NpyDataType DataType,
    NpyByteOrder ByteOrder,
    int ItemSize,
    bool FortranOrder,
    IReadOnlyList<long> Shape,
    long DataOffset)
{
    // "\x93NUMPY"
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Number of elements (product of the shape; 1 for a 0-d array).</summary>
    public long ElementCount => Shape.Aggregate(1L, (acc, d) => checked(acc * d));

    /// <summary>Bytes of element data that follow the header.</summary>
    public long DataLength => checked(ElementCount * ItemSize);

    public bool NeedsByteSwap =>
        ByteOrder != NpyByteOrder.NotApplicable &&
        (ByteOrder == NpyByteOrder.LittleEndian) != BitConverter.IsLittleEndian;

    /// <summary>Shape written the way numpy prints it, e.g. "(10000, 10)" or "(5,)".</summary>
    public string ShapeText => FormatShape(Shape);

    public static string FormatShape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";

    /// <summary>Reads the header and leaves the stream positioned at the first data byte.</summary>
    public static NpyHeader Read(Stream stream, string displayName = "<stream>")
    {
        var preamble = new byte[PreambleLength];
        var read = stream.ReadAtLeast(preamble.AsSpan(0, MinimumPreambleLength), MinimumPreambleLength, throwOnEndOfStream: false);
        var lengthFieldSize = CheckPreamble(preamble, read, displayName);
        if (lengthFieldSize == 4 && !TryReadExactly(stream, preamble.AsSpan(MinimumPreambleLength, 2)))
            throw Fail(displayName, "file is truncated inside the header");

        var headerBytes = new byte[HeaderLength(preamble, lengthFieldSize, displayName)];
        if (!TryReadExactly(stream, headerBytes))
            throw Fail(displayName, "file is truncated inside the header");
        return Parse(preamble[6], preamble[7], lengthFieldSize, headerBytes, displayName);
    }

    /// <summary>Async <see cref="Read"/>, for streams that only read asynchronously (e.g. browser uploads).</summary>
    public static async Task<NpyHeader> ReadAsync(Stream stream, string displayName = "<stream>", CancellationToken cancellationToken = default)
    {
        var preamble = new byte[PreambleLength];
        var read = await stream.ReadAtLeastAsync(preamble.AsMemory(0, MinimumPreambleLength), MinimumPreambleLength, throwOnEndOfStream: false, cancellationToken);
        var lengthFieldSize = CheckPreamble(preamble, read, displayName);
        if (lengthFieldSize == 4)
        {
            var more = await stream.ReadAtLeastAsync(preamble.AsMemory(MinimumPreambleLength, 2), 2, throwOnEndOfStream: false, cancellationToken);
            if (more < 2)
                throw Fail(displayName, "file is truncated inside the header");
        }

        var headerBytes = new byte[HeaderLength(preamble, lengthFieldSize, displayName)];
        var got = await stream.ReadAtLeastAsync(headerBytes, headerBytes.Length, throwOnEndOfStream: false, cancellationToken);
        if (got < headerBytes.Length)
            throw Fail(displayName, "file is truncated inside the header");
        return Parse(preamble[6], preamble[7], lengthFieldSize, headerBytes, displayName);
    }

    // Magic (6) + version (2) + header length (2 in version 1.0, 4 in 2.0 and 3.0).
    private const int MinimumPreambleLength = 10;
    private const int PreambleLength = 12;

    private static LabelErrorsInputException Fail(string displayName, string reason) => new(displayName, reason);

    /// <summary>Checks magic and version; returns the size of the header-length field.</summary>
    private static int CheckPreamble(byte[] preamble, int read, string displayName)
    {
        if (read < 8)
            throw Fail(displayName, "not a .npy file: it is shorter than the 8-byte preamble");
        if (!preamble.AsSpan(0, 6).SequenceEqual(Magic))
            throw Fail(displayName, "not a .npy file: the magic string \\x93NUMPY is missing");
        int major = preamble[6], minor = preamble[7];
        var lengthFieldSize = major switch
        {
            1 => 2,
            2 or 3 => 4,
            _ => throw Fail(displayName, $".npy format version {major}.{minor} is not supported (expected 1.0, 2.0 or 3.0)"),
        };
        if (read < MinimumPreambleLength)
            throw Fail(displayName, "file is truncated inside the header");
        return lengthFieldSize;
    }

    private static long HeaderLength(byte[] preamble, int lengthFieldSize, string displayName)
    {
        long headerLength = lengthFieldSize == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(8))
            : BinaryPrimitives.ReadUInt32LittleEndian(preamble.AsSpan(8));
        if (headerLength > 1 << 20)
            throw Fail(displayName, $"header length {headerLength} is implausibly large");
        return headerLength;
    }

    private static NpyHeader Parse(int major, int minor, int lengthFieldSize, byte[] headerBytes, string displayName)
    {
        Exception Fail(string reason) => new LabelErrorsInputException(displayName, reason);

        // Versions 1 and 2 store the header as latin-1, version 3 as UTF-8.
        var headerText = major == 3 ? DecodeUtf8(headerBytes, Fail) : Encoding.Latin1.GetString(headerBytes);
        var dict = NpyHeaderDictParser.Parse(headerText.TrimEnd(' ', '\n', '\r', '\t', '\0'), Fail);

        var descr = Required<string>(dict, "descr", "a string", Fail);
        var fortran = Required<bool>(dict, "fortran_order", "True or False", Fail);
        var shape = Required<long[]>(dict, "shape", "a tuple of integers", Fail);
        foreach (var key in dict.Keys)
            if (key is not ("descr" or "fortran_order" or "shape"))
                throw Fail($"unexpected header key '{key}'");

        var (type, order, itemSize) = NpyDescr.Parse(descr, Fail);
        var header = new NpyHeader(major, minor, descr, type, order, itemSize, fortran, shape,
            DataOffset: 8 + lengthFieldSize + headerBytes.LongLength);
        try
        {
            _ = header.DataLength;
        }
        catch (OverflowException)
        {
            throw Fail($"shape {header.ShapeText} is too large");
        }
        return header;
    }

    private static string DecodeUtf8(byte[] bytes, Func<string, Exception> fail)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw fail("header of a version 3.0 file is not valid UTF-8");
        }
    }

    private static T Required<T>(IReadOnlyDictionary<string, object> dict, string key, string expected, Func<string, Exception> fail)
    {
        if (!dict.TryGetValue(key, out var value))
            throw fail($"header has no '{key}' entry");
        return value is T typed ? typed : throw fail($"header entry '{key}' must be {expected}");
    }

    internal static bool TryReadExactly(Stream stream, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
                return false;
            total += read;
        }
        return true;
    }
}
