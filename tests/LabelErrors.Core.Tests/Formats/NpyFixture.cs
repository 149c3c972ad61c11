using System.Text;

namespace LabelErrors.Core.Tests.Formats;

/// <summary>Builds .npy bytes by hand, so tests control every header detail independently of the writer under test.</summary>
internal static class NpyFixture
{
    public static byte[] Build(string headerDict, byte[] data, int major = 1, int minor = 0)
    {
        var encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        var lengthFieldSize = major == 1 ? 2 : 4;
        var text = headerDict;
        var preamble = 8 + lengthFieldSize;
        var unpadded = preamble + encoding.GetByteCount(text) + 1;
        text += new string(' ', (64 - unpadded % 64) % 64) + "\n";
        var headerBytes = encoding.GetBytes(text);

        using var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, (byte)minor]);
        if (lengthFieldSize == 2)
            ms.Write(BitConverter.GetBytes((ushort)headerBytes.Length));
        else
            ms.Write(BitConverter.GetBytes((uint)headerBytes.Length));
        ms.Write(headerBytes);
        ms.Write(data);
        return ms.ToArray();
    }

    public static byte[] Build(string descr, string shape, byte[] data, bool fortran = false, int major = 1) =>
        Build($"{{'descr': '{descr}', 'fortran_order': {(fortran ? "True" : "False")}, 'shape': {shape}, }}", data, major);

    public static MemoryStream Stream(byte[] bytes) => new(bytes, writable: false);

    public static byte[] LittleEndian<T>(params T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    public static byte[] BigEndian<T>(params T[] values) where T : unmanaged
    {
        var bytes = LittleEndian(values);
        var size = bytes.Length / values.Length;
        for (var i = 0; i < bytes.Length; i += size)
            Array.Reverse(bytes, i, size);
        return bytes;
    }
}
