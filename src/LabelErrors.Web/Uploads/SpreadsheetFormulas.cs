namespace LabelErrors.Web.Uploads;

/// <summary>
/// CSV injection: a cell starting with <c>= + - @</c> (or a tab / carriage return) is run as a formula when a
/// downloaded CSV is opened in a spreadsheet. Uploaded names and texts end up in our downloads, so they are refused.
/// </summary>
public static class SpreadsheetFormulas
{
    public static bool LooksLikeFormula(string cell)
    {
        var trimmed = cell.TrimStart(' ');
        if (trimmed.Length == 0)
            return false;
        return trimmed[0] switch
        {
            '=' or '+' or '@' or '\t' or '\r' => true,
            // "-3" is a number, "- great film" is prose; "-cmd|…" or "-=…" are formulas.
            '-' => trimmed.Length > 1 && !char.IsDigit(trimmed[1]) && trimmed[1] != ' ' && trimmed[1] != '.',
            _ => false,
        };
    }
}
