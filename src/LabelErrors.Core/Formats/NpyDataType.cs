namespace LabelErrors.Core.Formats;

/// <summary>Element types of .npy files that this reader accepts (numeric and bool only).</summary>
public enum NpyDataType
{
    Bool,
    Int8,
    Int16,
    Int32,
    Int64,
    UInt8,
    UInt16,
    UInt32,
    UInt64,
    Float16,
    Float32,
    Float64,
}
