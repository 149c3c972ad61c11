using System.Globalization;
using LabelErrors.Data.Entities;
using Microsoft.AspNetCore.WebUtilities;

namespace LabelErrors.Web.Uploads.MultiLabel;

/// <summary>
/// A view of a multi-label upload's gallery, kept in the query string of <c>/u/{token}</c>: the flagged examples (by
/// issue rank) or all of them (by label quality), narrowed to a class (given, or flagged for it) and to a kind of
/// flagged class ("label missing" / "label wrong"). Keys: <c>scope=all</c>, <c>class=3</c>, <c>issue=label-missing</c>,
/// <c>page=2</c>; defaults are left out.
/// </summary>
public sealed record MultiLabelView(bool AllExamples = false, int? ClassIndex = null, MultiLabelIssueKind? Issue = null, int Page = 1)
{
    public const int PageSize = 24;

    public static MultiLabelView Parse(string? queryString, int classCount)
    {
        var query = QueryHelpers.ParseQuery(queryString);
        var all = query.TryGetValue("scope", out var scope) && scope.ToString() == "all";
        int? classIndex = query.TryGetValue("class", out var c) && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var ci) && ci < classCount ? ci : null;
        var issue = query.TryGetValue("issue", out var kind) ? IssueOf(kind.ToString()) : null;
        var page = query.TryGetValue("page", out var p) && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pi) && pi >= 1 ? pi : 1;
        return new MultiLabelView(all, classIndex, issue, page);
    }

    public string ToQueryString(bool includePage = true)
    {
        var parts = new List<string>();
        if (AllExamples) parts.Add("scope=all");
        if (ClassIndex is { } c) parts.Add("class=" + c.ToString(CultureInfo.InvariantCulture));
        if (Issue is { } issue) parts.Add("issue=" + Name(issue));
        if (includePage && Page > 1) parts.Add("page=" + Page.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    public MultiLabelView FirstPage() => this with { Page = 1 };

    /// <summary>The kebab-case name of a kind (query string, API): label-missing, label-wrong.</summary>
    public static string Name(MultiLabelIssueKind issue) => issue == MultiLabelIssueKind.LabelMissing ? "label-missing" : "label-wrong";

    public static string Title(MultiLabelIssueKind issue) => issue == MultiLabelIssueKind.LabelMissing ? "label missing" : "label wrong";

    public static MultiLabelIssueKind? IssueOf(string? name) => name switch
    {
        "label-missing" => MultiLabelIssueKind.LabelMissing,
        "label-wrong" => MultiLabelIssueKind.LabelWrong,
        _ => null,
    };
}
