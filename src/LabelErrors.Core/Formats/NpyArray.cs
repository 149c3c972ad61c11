namespace LabelErrors.Core.Formats;

/// <summary>
/// A .npy array loaded into memory: elements in row-major (C) order and native byte order,
/// in a typed array matching the file's dtype (bool[], sbyte[], short[], int[], long[], byte[],
/// ushort[], uint[], ulong[], Half[], float[] or double[]).
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(string displayName, NpyHeader header, Array data)
    {
        DisplayName = displayName;
        Header = header;
        Data = data;
    }

    public string DisplayName { get; }

    public NpyHeader Header { get; }

    public Array Data { get; }

    public NpyDataType DataType => Header.DataType;

    public IReadOnlyList<long> Shape => Header.Shape;

    public int Rank => Header.Shape.Count;

    public int Length => Data.Length;

    public bool IsFloatingPoint => DataType is NpyDataType.Float16 or NpyDataType.Float32 or NpyDataType.Float64;

    /// <summary>The typed data; throws if <typeparamref name="T"/> is not the file's element type.</summary>
    public T[] GetData<T>() =>
        // Exact type check: the CLR lets a ulong[] pass as long[] (and uint[] as int[]), which would reinterpret values.
        Data.GetType() == typeof(T[])
            ? (T[])Data
            : throw new InvalidOperationException($"{DisplayName} holds {Data.GetType().GetElementType()?.Name} elements, not {typeof(T).Name}");

    /// <summary>Element at a flat C-order index, widened to double (exact for every integer up to 2^53).</summary>
    public double GetDouble(int index) => DataType switch
    {
        // Switch on the dtype, not on the array type: the CLR treats ulong[] as long[], uint[] as int[], etc.
        NpyDataType.Float64 => ((double[])Data)[index],
        NpyDataType.Float32 => ((float[])Data)[index],
        NpyDataType.Float16 => (double)((Half[])Data)[index],
        NpyDataType.Bool => ((bool[])Data)[index] ? 1 : 0,
        NpyDataType.Int8 => ((sbyte[])Data)[index],
        NpyDataType.Int16 => ((short[])Data)[index],
        NpyDataType.Int32 => ((int[])Data)[index],
        NpyDataType.Int64 => ((long[])Data)[index],
        NpyDataType.UInt8 => ((byte[])Data)[index],
        NpyDataType.UInt16 => ((ushort[])Data)[index],
        NpyDataType.UInt32 => ((uint[])Data)[index],
        NpyDataType.UInt64 => ((ulong[])Data)[index],
        _ => throw new InvalidOperationException($"unexpected dtype {DataType}"),
    };

    /// <summary>All elements widened to double, C order.</summary>
    public double[] ToDoubleArray()
    {
        if (DataType == NpyDataType.Float64 && Data is double[] doubles)
            return (double[])doubles.Clone();
        var result = new double[Length];
        for (var i = 0; i < result.Length; i++)
            result[i] = GetDouble(i);
        return result;
    }
}
