namespace LabelErrors.Core.Formats;

/// <summary>Byte order of a .npy element type after resolving numpy's '=' (native) marker.</summary>
public enum NpyByteOrder
{
    /// <summary>'|': single-byte types, where order does not matter.</summary>
    NotApplicable,
    LittleEndian,
    BigEndian,
}
