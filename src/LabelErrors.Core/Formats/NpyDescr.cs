namespace LabelErrors.Core.Formats;

/// <summary>Parses a numpy type string such as <c>&lt;f8</c> or <c>|u1</c> into a type, size and byte order.</summary>
internal static class NpyDescr
{
    public static (NpyDataType Type, NpyByteOrder Order, int ItemSize) Parse(string descr, Func<string, Exception> fail)
    {
        if (descr.Length == 0)
            throw fail("empty dtype in header");

        var orderChar = descr[0];
        var body = "<>|=".Contains(orderChar) ? descr[1..] : descr;
        if (body.Length == 0)
            throw fail($"dtype '{descr}' has no type");

        if (body[0] == 'O')
            throw fail($"object arrays (dtype '{descr}') are not supported: reading them needs unpickling, which can run arbitrary code; save the array with a numeric dtype");

        var (type, size) = body switch
        {
            "b1" or "?" => (NpyDataType.Bool, 1),
            "i1" => (NpyDataType.Int8, 1),
            "i2" => (NpyDataType.Int16, 2),
            "i4" => (NpyDataType.Int32, 4),
            "i8" => (NpyDataType.Int64, 8),
            "u1" => (NpyDataType.UInt8, 1),
            "u2" => (NpyDataType.UInt16, 2),
            "u4" => (NpyDataType.UInt32, 4),
            "u8" => (NpyDataType.UInt64, 8),
            "f2" => (NpyDataType.Float16, 2),
            "f4" => (NpyDataType.Float32, 4),
            "f8" => (NpyDataType.Float64, 8),
            _ => throw fail($"dtype '{descr}' is not supported; expected float (f2, f4, f8), integer (i1..i8, u1..u8) or bool (b1)"),
        };

        var order = orderChar switch
        {
            '<' => NpyByteOrder.LittleEndian,
            '>' => NpyByteOrder.BigEndian,
            '|' when size == 1 => NpyByteOrder.NotApplicable,
            '|' => throw fail($"dtype '{descr}' has no byte order ('|') but its elements are {size} bytes wide"),
            _ => BitConverter.IsLittleEndian ? NpyByteOrder.LittleEndian : NpyByteOrder.BigEndian, // '=' or absent: native
        };
        if (size == 1)
            order = NpyByteOrder.NotApplicable;

        return (type, order, size);
    }
}
