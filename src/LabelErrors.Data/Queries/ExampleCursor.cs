using System.Globalization;
using System.Text;

namespace LabelErrors.Data.Queries;

/// <summary>
/// Where a keyset page ends: the last example's sort key and study index, and the sort they belong to. Opaque to
/// clients (base64url); a cursor from another sort is refused rather than silently misread.
/// </summary>
public sealed record ExampleCursor(ExampleSort Sort, VoteOption AgreementOption, double Key, long StudyIndex)
{
    private const string Version = "c1";

    public string Encode()
    {
        var text = string.Join('|', Version, (int)Sort, (int)AgreementOption,
            Key.ToString("R", CultureInfo.InvariantCulture), StudyIndex.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(Encoding.ASCII.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Null when the text is not a cursor this version wrote.</summary>
    public static ExampleCursor? TryDecode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 200)
            return null;
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length != 5 || parts[0] != Version
                || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var sort) || !Enum.IsDefined((ExampleSort)sort)
                || !int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var option) || !Enum.IsDefined((VoteOption)option)
                || !double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var key)
                || !long.TryParse(parts[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var index))
                return null;
            return new ExampleCursor((ExampleSort)sort, (VoteOption)option, key, index);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether this cursor was made for the query's order (filters may differ; the order may not).</summary>
    public bool Fits(ExampleQuery query) =>
        Sort == query.Sort && (Sort != ExampleSort.Agreement || AgreementOption == query.AgreementOption);
}

/// <summary>One keyset page: the examples, how many match in all, and the cursor of the next page (null at the end).</summary>
public sealed record ExampleSlice(IReadOnlyList<ExampleListItem> Items, int TotalCount, ExampleCursor? Next);
