using LabelErrors.Web.Components.Shared;

namespace LabelErrors.Web.Tests;

/// <summary>The one place pages turn an unreachable database into the outage notice; every other failure is a bug and surfaces.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Work_that_completes_reports_true()
    {
        var ran = false;
        Assert.True(await DatabaseOutage.TryAsync(() => { ran = true; return Task.CompletedTask; }));
        Assert.True(ran);
    }

    [Fact]
    public async Task An_unreachable_database_reports_false_and_hands_over_the_exception()
    {
        var timeout = new TimeoutException("connect timed out");
        Exception? seen = null;

        Assert.False(await DatabaseOutage.TryAsync(() => throw new InvalidOperationException("wrapped", timeout), e => seen = e));

        Assert.Same(timeout, seen!.InnerException);
    }

    [Fact]
    public async Task Any_other_failure_propagates()
    {
        var called = false;
        await Assert.ThrowsAsync<ArgumentException>(() => DatabaseOutage.TryAsync(() => throw new ArgumentException("a bug"), _ => called = true));
        Assert.False(called);
    }
}

/// <summary>The pages' base: an outage shows the notice, and the next load that succeeds (PostgreSQL back) clears it.</summary>
public sealed class DatabasePageTests
{
    private sealed class Probe : DatabasePage
    {
        public bool ShowsOutage => Unavailable;

        public Task<bool> RunAsync(Func<Task> load) => LoadAsync(load);
    }

    [Fact]
    public async Task An_outage_sets_the_notice_and_a_later_successful_load_clears_it()
    {
        var page = new Probe();
        Assert.False(page.ShowsOutage);

        Assert.False(await page.RunAsync(() => throw new TimeoutException("connect timed out")));
        Assert.True(page.ShowsOutage);

        Assert.True(await page.RunAsync(() => Task.CompletedTask));
        Assert.False(page.ShowsOutage);
    }

    [Fact]
    public async Task A_bug_is_not_shown_as_an_outage()
    {
        var page = new Probe();
        await Assert.ThrowsAsync<FormatException>(() => page.RunAsync(() => throw new FormatException("a bug")));
        Assert.False(page.ShowsOutage);
    }
}
