using System.Globalization;

namespace LabelErrors.Cli.Output;

/// <summary>
/// A double as a CSV cell: the shortest round-trip form with Python's lowercase exponent ("1e-05"), so outputs diff
/// cleanly against cleanlab's; NaN as an empty cell, as pandas' <c>to_csv</c> writes it.
/// </summary>
internal static class CsvNumber
{
    public static string Format(double value) =>
        double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
}
