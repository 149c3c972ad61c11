using System.Globalization;
using LabelErrors.Data.Entities;

namespace LabelErrors.Data.Queries;

/// <summary>
/// One view of a dataset's examples: filters, sort and page. Shared by the pages and the JSON API, and
/// round-tripped through a URL query string (<see cref="Parse"/> / <see cref="ToQueryString"/>) so a view can be
/// reloaded, navigated back to and shared. Values left at their default are omitted from the query string.
/// </summary>
public sealed record ExampleQuery
{
    public const int MaxAgreement = 5;
    public const int DefaultPageSize = 24;
    public const int MaxPageSize = 96;
    public const int MaxTextLength = 200;

    public static ExampleQuery Default { get; } = new();

    public ExampleScope Scope { get; init; } = ExampleScope.Validated;

    /// <summary>The vote option counted by <see cref="MinAgreement"/> and by the agreement sort.</summary>
    public VoteOption AgreementOption { get; init; } = VoteOption.Guessed;

    /// <summary>At least this many workers chose <see cref="AgreementOption"/> (0 = no agreement filter).</summary>
    public int MinAgreement { get; init; }

    /// <summary>Fewer than this many workers chose the given label (null = no such filter).</summary>
    public int? GivenFewerThan { get; init; }

    /// <summary>Only these consensus categories (empty = all).</summary>
    public IReadOnlyList<ConsensusCategory> Consensus { get; init; } = [];

    public int? GivenClass { get; init; }
    public int? GuessedClass { get; init; }

    /// <summary>The model's most likely class (an upload's "suggested class").</summary>
    public int? SuggestedClass { get; init; }

    /// <summary>Label quality at most this (0…1); examples without a label quality never match.</summary>
    public double? MaxLabelQuality { get; init; }

    /// <summary>Multi-annotator uploads: only examples this annotator (CSV column, 0-based) labelled.</summary>
    public int? Annotator { get; init; }

    /// <summary>Multi-annotator uploads, with <see cref="Annotator"/>: only where that annotator's label differs from the consensus.</summary>
    public bool AnnotatorDisagrees { get; init; }

    /// <summary>Multi-annotator uploads: annotator agreement with the consensus at most this (0…1).</summary>
    public double? MaxAnnotatorAgreement { get; init; }

    /// <summary>Only examples whose site visitors disagree with the Mechanical Turk consensus.</summary>
    public bool Disputed { get; init; }

    /// <summary>Free-text search in the example's text (text datasets only).</summary>
    public string? Text { get; init; }

    public ExampleSort Sort { get; init; } = ExampleSort.LabelQuality;

    /// <summary>1-based page number.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>True when some filter narrows the scope (sort and paging do not count).</summary>
    public bool HasFilters =>
        MinAgreement > 0 || GivenFewerThan is not null || Consensus.Count > 0 || GivenClass is not null
        || GuessedClass is not null || !string.IsNullOrEmpty(Text) || Disputed || SuggestedClass is not null
        || MaxLabelQuality is not null || Annotator is not null || MaxAnnotatorAgreement is not null;

    /// <summary>The same view without its filters (scope and sort kept): the "loosen the filter" link.</summary>
    public ExampleQuery WithoutFilters() => Default with { Scope = Scope, Sort = Sort, AgreementOption = AgreementOption, PageSize = PageSize };

    /// <summary>The same filters and sort on page 1: what a filter change should produce.</summary>
    public ExampleQuery FirstPage() => this with { Page = 1 };

    /// <summary>
    /// Reads a query string (with or without the leading '?'). Unknown keys are ignored and invalid values fall back
    /// to their default, so a hand-edited or outdated link still opens a sensible view. <paramref name="defaults"/>
    /// supplies the scope and sort a key left out means (an upload's page starts elsewhere than the study's gallery);
    /// pass the same to <see cref="ToQueryString"/>.
    /// </summary>
    public static ExampleQuery Parse(string? queryString, ExampleQuery? defaults = null)
    {
        var fallback = defaults ?? Default;
        var values = QueryStringCodec.Decode(queryString);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;

        var consensus = (Get(Keys.Consensus) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ConsensusNames.TryParse)
            .OfType<ConsensusCategory>()
            .Distinct()
            .Order()
            .ToArray();

        var text = Get(Keys.Text)?.Trim();
        if (text is { Length: > MaxTextLength })
            text = text[..MaxTextLength];

        return new ExampleQuery
        {
            Scope = ScopeNames.TryParse(Get(Keys.Scope)) ?? fallback.Scope,
            AgreementOption = VoteOptionNames.TryParse(Get(Keys.AgreementOption)) ?? Default.AgreementOption,
            MinAgreement = ParseInt(Get(Keys.MinAgreement), 0, MaxAgreement) ?? 0,
            GivenFewerThan = ParseInt(Get(Keys.GivenFewerThan), 1, MaxAgreement),
            Consensus = consensus,
            GivenClass = ParseInt(Get(Keys.GivenClass), 0, int.MaxValue),
            GuessedClass = ParseInt(Get(Keys.GuessedClass), 0, int.MaxValue),
            SuggestedClass = ParseInt(Get(Keys.SuggestedClass), 0, int.MaxValue),
            MaxLabelQuality = ParseQuality(Get(Keys.MaxLabelQuality)),
            Text = string.IsNullOrEmpty(text) ? null : text,
            Annotator = ParseInt(Get(Keys.Annotator), 0, int.MaxValue),
            AnnotatorDisagrees = Get(Keys.AnnotatorDisagrees) is "1" or "true",
            MaxAnnotatorAgreement = ParseQuality(Get(Keys.MaxAnnotatorAgreement)),
            Disputed = Get(Keys.Disputed) is "1" or "true",
            Sort = SortNames.TryParse(Get(Keys.Sort)) ?? fallback.Sort,
            Page = ParseInt(Get(Keys.Page), 1, int.MaxValue) ?? 1,
            PageSize = ParseInt(Get(Keys.PageSize), 1, MaxPageSize) ?? DefaultPageSize,
        };
    }

    /// <summary>
    /// The canonical query string, with a leading '?' (empty for the default view). Scope and sort are omitted when
    /// they equal <paramref name="defaults"/>' (the study gallery's when null).
    /// </summary>
    public string ToQueryString(bool includePage = true, ExampleQuery? defaults = null)
    {
        var fallback = defaults ?? Default;
        var pairs = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) => pairs.Add(new(key, value));

        if (Scope != fallback.Scope) Add(Keys.Scope, ScopeNames.Format(Scope));
        if (AgreementOption != Default.AgreementOption) Add(Keys.AgreementOption, VoteOptionNames.Format(AgreementOption));
        if (MinAgreement > 0) Add(Keys.MinAgreement, MinAgreement.ToString(CultureInfo.InvariantCulture));
        if (GivenFewerThan is { } fewer) Add(Keys.GivenFewerThan, fewer.ToString(CultureInfo.InvariantCulture));
        if (Consensus.Count > 0) Add(Keys.Consensus, string.Join(',', Consensus.Distinct().Order().Select(ConsensusNames.Format)));
        if (GivenClass is { } given) Add(Keys.GivenClass, given.ToString(CultureInfo.InvariantCulture));
        if (GuessedClass is { } guessed) Add(Keys.GuessedClass, guessed.ToString(CultureInfo.InvariantCulture));
        if (SuggestedClass is { } suggested) Add(Keys.SuggestedClass, suggested.ToString(CultureInfo.InvariantCulture));
        if (MaxLabelQuality is { } quality) Add(Keys.MaxLabelQuality, quality.ToString("R", CultureInfo.InvariantCulture));
        if (!string.IsNullOrEmpty(Text)) Add(Keys.Text, Text);
        if (Annotator is { } annotator) Add(Keys.Annotator, annotator.ToString(CultureInfo.InvariantCulture));
        if (AnnotatorDisagrees) Add(Keys.AnnotatorDisagrees, "1");
        if (MaxAnnotatorAgreement is { } agreement) Add(Keys.MaxAnnotatorAgreement, agreement.ToString("R", CultureInfo.InvariantCulture));
        if (Disputed) Add(Keys.Disputed, "1");
        if (Sort != fallback.Sort) Add(Keys.Sort, SortNames.Format(Sort));
        if (includePage && Page != 1) Add(Keys.Page, Page.ToString(CultureInfo.InvariantCulture));
        if (PageSize != DefaultPageSize) Add(Keys.PageSize, PageSize.ToString(CultureInfo.InvariantCulture));
        return QueryStringCodec.Encode(pairs);
    }

    public override string ToString() => ToQueryString();

    // Equality is equality of the canonical form: two queries that produce the same URL are the same view.
    public bool Equals(ExampleQuery? other) => other is not null && ToQueryString() == other.ToQueryString();

    public override int GetHashCode() => ToQueryString().GetHashCode(StringComparison.Ordinal);

    private static int? ParseInt(string? value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;

    private static double? ParseQuality(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : null;

    /// <summary>The query-string keys; stable, since shared links depend on them.</summary>
    public static class Keys
    {
        public const string Scope = "scope";
        public const string AgreementOption = "agree";
        public const string MinAgreement = "k";
        public const string GivenFewerThan = "given_lt";
        public const string Consensus = "consensus";
        public const string GivenClass = "given";
        public const string GuessedClass = "guessed";
        public const string SuggestedClass = "suggested";
        public const string MaxLabelQuality = "quality_max";
        public const string Text = "q";
        public const string Disputed = "disputed";
        public const string Annotator = "annotator";
        public const string AnnotatorDisagrees = "annotator_disagrees";
        public const string MaxAnnotatorAgreement = "agreement_max";
        public const string Sort = "sort";
        public const string Page = "page";
        public const string PageSize = "size";
    }
}
