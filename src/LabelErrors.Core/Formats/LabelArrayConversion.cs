using System.Globalization;
using LabelErrors.Core.Validation;

namespace LabelErrors.Core.Formats;

/// <summary>Turns a 1-D numeric array into int labels, refusing values that are not whole numbers in int range.</summary>
internal static class LabelArrayConversion
{
    public static int[] ToLabels(NpyArray array)
    {
        var labels = new int[array.Length];
        for (var i = 0; i < labels.Length; i++)
            labels[i] = ToLabel(array, i);
        return labels;
    }

    private static int ToLabel(NpyArray array, int index)
    {
        switch (array.DataType)
        {
            case NpyDataType.Int64: return FromInteger(((long[])array.Data)[index], array, index);
            case NpyDataType.UInt64: return FromUnsigned(((ulong[])array.Data)[index], array, index);
            case NpyDataType.UInt32: return FromUnsigned(((uint[])array.Data)[index], array, index);
            case NpyDataType.Float16 or NpyDataType.Float32 or NpyDataType.Float64:
                var value = array.GetDouble(index);
                if (!double.IsFinite(value) || value != Math.Floor(value))
                    throw new LabelErrorsInputException(array.DisplayName,
                        $"label {value.ToString(CultureInfo.InvariantCulture)} is not a whole number", index);
                return FromInteger(value, array, index);
            default:
                return (int)array.GetDouble(index); // bool and integers up to 32 bits always fit
        }
    }

    private static int FromUnsigned(ulong value, NpyArray array, int index) =>
        value > int.MaxValue ? throw TooLarge(value.ToString(CultureInfo.InvariantCulture), array, index) : (int)value;

    private static int FromInteger(double value, NpyArray array, int index) =>
        value is < int.MinValue or > int.MaxValue
            ? throw TooLarge(value.ToString(CultureInfo.InvariantCulture), array, index)
            : (int)value;

    private static LabelErrorsInputException TooLarge(string value, NpyArray array, int index) =>
        new(array.DisplayName, $"label {value} is outside the supported range", index);
}
