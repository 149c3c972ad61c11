using System.Globalization;
using LabelErrors.Core.Corrections;

namespace LabelErrors.Web.Corrections;

/// <summary>
/// The query parameters of a corrected test set (<c>min_agreement</c>, <c>multi_label</c>, <c>neither</c>,
/// <c>non_agreement</c>, <c>format</c>), shared by the API and the pages so both read and write the same URLs.
/// </summary>
public sealed record CorrectionRequest(CorrectionOptions Options, CorrectedLabelsFormat Format)
{
    public static class Keys
    {
        public const string MinAgreement = "min_agreement";
        public const string MultiLabel = "multi_label";
        public const string Neither = "neither";
        public const string NonAgreement = "non_agreement";
        public const string Format = "format";
    }

    public static CorrectionRequest Default { get; } = new(CorrectionOptions.Default, CorrectedLabelsFormat.Csv);

    /// <summary>Parses the parameters; on a bad value returns null and names the parameter and the reason.</summary>
    public static CorrectionRequest? TryParse(Func<string, string?> get, out string? badParameter, out string? reason)
    {
        badParameter = null;
        reason = null;
        var options = CorrectionOptions.Default;

        if (get(Keys.MinAgreement) is { Length: > 0 } k)
        {
            if (!int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n is < 1 or > CorrectionOptions.MaxAgreement)
                return Fail(Keys.MinAgreement, $"must be a whole number from 1 to {CorrectionOptions.MaxAgreement} (workers of 5 who chose the guessed label); got '{k}'", out badParameter, out reason);
            options = options with { MinAgreement = n };
        }

        foreach (var key in new[] { Keys.MultiLabel, Keys.Neither, Keys.NonAgreement })
        {
            if (get(key) is not { Length: > 0 } value)
                continue;
            if (UncorrectableHandlingNames.TryParse(value) is not { } handling)
                return Fail(key, $"must be 'keep' (keep the given label) or 'drop' (leave the example out); got '{value}'", out badParameter, out reason);
            options = key switch
            {
                Keys.MultiLabel => options with { MultiLabel = handling },
                Keys.Neither => options with { Neither = handling },
                _ => options with { NonAgreement = handling },
            };
        }

        var formatText = get(Keys.Format);
        if (CorrectedLabelsFormatNames.TryParse(formatText) is not { } format)
            return Fail(Keys.Format, $"must be csv, json or npy; got '{formatText}'", out badParameter, out reason);
        return new CorrectionRequest(options, format);
    }

    /// <summary>The canonical query string (defaults omitted), with a leading '?' or empty.</summary>
    public string ToQueryString()
    {
        var pairs = new List<string>();
        if (Options.MinAgreement != CorrectionOptions.DefaultMinAgreement)
            pairs.Add($"{Keys.MinAgreement}={Options.MinAgreement.ToString(CultureInfo.InvariantCulture)}");
        if (Options.MultiLabel != UncorrectableHandling.Keep) pairs.Add($"{Keys.MultiLabel}=drop");
        if (Options.Neither != UncorrectableHandling.Keep) pairs.Add($"{Keys.Neither}=drop");
        if (Options.NonAgreement != UncorrectableHandling.Keep) pairs.Add($"{Keys.NonAgreement}=drop");
        if (Format != CorrectedLabelsFormat.Csv) pairs.Add($"{Keys.Format}={CorrectedLabelsFormatNames.Extension(Format)}");
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    /// <summary>A file name that says which options made the file: <c>mnist_corrected_k3_drop-neither.csv</c>.</summary>
    public string FileName(string slug)
    {
        var parts = new List<string> { $"{slug}_corrected_k{Options.MinAgreement.ToString(CultureInfo.InvariantCulture)}" };
        if (Options.MultiLabel == UncorrectableHandling.Drop) parts.Add("drop-multi-label");
        if (Options.Neither == UncorrectableHandling.Drop) parts.Add("drop-neither");
        if (Options.NonAgreement == UncorrectableHandling.Drop) parts.Add("drop-non-agreement");
        return string.Join('_', parts) + "." + CorrectedLabelsFormatNames.Extension(Format);
    }

    private static CorrectionRequest? Fail(string key, string message, out string? badParameter, out string? reason)
    {
        badParameter = key;
        reason = $"{key} {message}";
        return null;
    }
}
