using System.Net;
using System.Text.RegularExpressions;
using LabelErrors.Data;
using Xunit.Abstractions;

namespace LabelErrors.Web.Tests;

/// <summary>
/// The hot queries (gallery pages, permalinks, the examples API) as the app sends them stay within one dataset, so
/// Citus routes each to the one node holding that dataset's shard (docs/scale-out.md): every distributed table they
/// read is constrained by dataset_id, and every join between distributed tables matches dataset_id on both sides.
/// </summary>
public sealed partial class CitusQueryTests(StudySizedSite site, ITestOutputHelper output) : IClassFixture<StudySizedSite>
{
    private const string Big = StudySizedSite.Big;

    [GeneratedRegex("""(?:FROM|JOIN)\s+"?(\w+)"?\s+AS\s+"?(\w+)"?""")]
    private static partial Regex TableUse();

    [GeneratedRegex("""JOIN\s+"?(\w+)"?\s+AS\s+"?(\w+)"?\s+ON\s+(.*?)(?=\s+(?:LEFT|INNER|CROSS|JOIN|WHERE|ORDER|LIMIT|GROUP)\b|\)|$)""", RegexOptions.Singleline)]
    private static partial Regex Join();

    [Fact]
    public async Task Hot_queries_filter_by_dataset_and_join_within_it()
    {
        var (client, recorder) = (site.Client, site.StartRecording());
        string[] paths =
        [
            $"/d/{Big}", $"/d/{Big}?page=3", $"/d/{Big}?scope=checked", $"/d/{Big}?scope=all&sort=index", $"/d/{Big}?k=3",
            $"/d/{Big}?agree=both&k=2&sort=agreement", $"/d/{Big}?consensus=correctable,neither", $"/d/{Big}?scope=all&q=word17",
            $"/d/{Big}?disputed=true", $"/d/{Big}/40", $"/d/{Big}/40?k=3&sort=agreement", $"/d/{Big}/80?scope=all&sort=index",
            $"/api/v1/datasets/{Big}/examples", $"/api/v1/datasets/{Big}/examples/40",
        ];
        foreach (var path in paths)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        }

        var queries = recorder.Plans.Select(p => p.Sql).Distinct().ToArray();
        Assert.True(queries.Length >= paths.Length, $"only {queries.Length} distinct queries on examples were seen");
        foreach (var sql in queries)
        {
            output.WriteLine(sql + "\n");
            foreach (Match use in TableUse().Matches(sql))
            {
                var (table, alias) = (use.Groups[1].Value, use.Groups[2].Value);
                if (!CitusLayout.DistributedTables.Contains(table)) continue;
                Assert.True(sql.Contains($"{alias}.dataset_id", StringComparison.Ordinal), $"{table} AS {alias} is not constrained by dataset_id:\n{sql}");
            }

            foreach (Match join in Join().Matches(sql))
            {
                var (table, alias, condition) = (join.Groups[1].Value, join.Groups[2].Value, join.Groups[3].Value);
                if (!CitusLayout.DistributedTables.Contains(table)) continue;
                Assert.True(Regex.IsMatch(condition, $@"\b{alias}\.dataset_id = \w+\.dataset_id\b|\b\w+\.dataset_id = {alias}\.dataset_id\b"),
                    $"the join of {table} AS {alias} does not match dataset_id on both sides: ON {condition}\n{sql}");
            }
        }
    }
}
