using LabelErrors.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LabelErrors.Data.Queries;

/// <summary>
/// Keyset positions in the issue-rank order (issue rank ascending, unranked examples last, then the study index) on
/// the bare column, so the partial issue-rank index (dataset_id, issue_rank) WHERE issue_rank IS NOT NULL gives the
/// order and the start. A key computed as CASE WHEN issue_rank IS NULL THEN … ELSE issue_rank::float8 END is held by
/// no index: at 10M rows every slice read and sorted all ≈ 1M flagged rows. The order is walked in two runs, the
/// ranked examples by that index, then (outside the issues scope) the unranked ones by study index. Keys and cursors
/// stay as before: the rank as a double, <see cref="double.MaxValue"/> for an unranked example.
/// </summary>
internal static class IssueRankKeyset
{
    /// <summary>A position: the rank (null for an unranked example) and the study index.</summary>
    internal readonly record struct Position(int? Rank, long StudyIndex)
    {
        public double Key => Rank is { } rank ? rank : double.MaxValue;

        /// <summary>
        /// The position a cursor's key stands for. A key between two ranks (not one this code writes) becomes the
        /// lower rank's last position, so the order and results match the old comparison on the float key.
        /// </summary>
        public static Position FromKey(double key, long studyIndex)
        {
            if (double.IsNaN(key))
                return new Position(null, long.MaxValue); // PostgreSQL orders NaN after every number: nothing follows it
            if (key >= double.MaxValue)
                return new Position(null, studyIndex);
            if (key > int.MaxValue)
                return new Position(null, long.MinValue);
            if (key < int.MinValue)
                return new Position(int.MinValue, long.MinValue);
            var rank = Math.Floor(key);
            return rank == key ? new Position((int)rank, studyIndex) : new Position((int)rank, long.MaxValue);
        }
    }

    /// <summary>Whether the query's scope may hold unranked examples (an upload's issues are exactly its ranked ones).</summary>
    public static bool MayHoldUnranked(ExampleQuery query) => query.Scope != ExampleScope.Issues;

    /// <summary>Up to <paramref name="take"/> positions after <paramref name="after"/> (from the start when null).</summary>
    public static async Task<List<Position>> AfterAsync(
        IQueryable<Example> filtered, ExampleQuery query, Position? after, int take, CancellationToken cancellationToken)
    {
        var positions = new List<Position>(take);
        if (after is not { Rank: null })
        {
            var ranked = filtered.Where(e => e.IssueRank != null);
            if (after is { Rank: { } rank } from)
                ranked = ranked.Where(e => EF.Functions.GreaterThan(ValueTuple.Create(e.IssueRank!.Value, e.StudyIndex), ValueTuple.Create(rank, from.StudyIndex)));
            var rows = await ranked.OrderBy(e => e.IssueRank).ThenBy(e => e.StudyIndex)
                .Select(e => new { e.IssueRank, e.StudyIndex })
                .Take(take)
                .ToListAsync(cancellationToken);
            positions.AddRange(rows.Select(r => new Position(r.IssueRank, r.StudyIndex)));
        }
        if (positions.Count < take && MayHoldUnranked(query))
        {
            var unranked = filtered.Where(e => e.IssueRank == null);
            if (after is { Rank: null } from)
                unranked = unranked.Where(e => e.StudyIndex > from.StudyIndex);
            var indices = await unranked.OrderBy(e => e.StudyIndex)
                .Select(e => e.StudyIndex)
                .Take(take - positions.Count)
                .ToListAsync(cancellationToken);
            positions.AddRange(indices.Select(i => new Position(null, i)));
        }
        return positions;
    }

    /// <summary>The study index just before <paramref name="at"/>, or null at the start.</summary>
    public static async Task<long?> BeforeAsync(
        IQueryable<Example> filtered, ExampleQuery query, Position at, CancellationToken cancellationToken)
    {
        if (at.Rank is null && MayHoldUnranked(query))
        {
            var unranked = await filtered.Where(e => e.IssueRank == null && e.StudyIndex < at.StudyIndex)
                .OrderByDescending(e => e.StudyIndex)
                .Select(e => (long?)e.StudyIndex)
                .FirstOrDefaultAsync(cancellationToken);
            if (unranked is not null)
                return unranked;
        }
        var ranked = filtered.Where(e => e.IssueRank != null);
        if (at.Rank is { } rank)
            ranked = ranked.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.IssueRank!.Value, e.StudyIndex), ValueTuple.Create(rank, at.StudyIndex)));
        return await ranked.OrderByDescending(e => e.IssueRank).ThenByDescending(e => e.StudyIndex)
            .Select(e => (long?)e.StudyIndex)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The examples just before and after <paramref name="at"/>.</summary>
    public static async Task<ExampleNeighbours> NeighboursAsync(
        IQueryable<Example> filtered, ExampleQuery query, Position at, CancellationToken cancellationToken)
    {
        var next = await AfterAsync(filtered, query, at, 1, cancellationToken);
        var previous = await BeforeAsync(filtered, query, at, cancellationToken);
        return new ExampleNeighbours(previous, next.Count > 0 ? next[0].StudyIndex : null);
    }
}
