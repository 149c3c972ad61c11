using System.Net;
using System.Net.Http.Json;
using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using LabelErrors.Web.Browse.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests;

/// <summary>
/// Output caching of the public browse pages: a repeated GET is answered from memory (the response carries an
/// <c>Age</c> header and no query reaches the database), per full query string, never for per-visitor pages, POSTs or
/// errors, and evicted when the data behind a page changes. Each test uses its own app: the cache is per process.
/// </summary>
public sealed class BrowsePageCacheTests : IAsyncLifetime
{
    private readonly CommandCounter _queries = new();
    private TestDatabase _database = null!;
    private LabelErrorsAppFactory _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _app = new LabelErrorsAppFactory(_database.ConnectionString,
            configureServices: services => services.ConfigureDbContext<LabelErrorsDbContext>(o => o.AddInterceptors(_queries)));
        _client = _app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        await _client.GetAsync("/healthz");
        await using var db = await DbAsync();
        await BrowseSeed.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/d/cifar10")]
    [InlineData("/d/cifar10?scope=checked&k=3")]
    [InlineData("/d/cifar10/10")]
    [InlineData("/d/imdb/7?sort=agreement")]
    public async Task A_repeated_page_is_served_from_the_cache_without_a_query(string path)
    {
        var first = await _client.GetAsync(path);
        var queriesAfterFirst = _queries.Count;
        var second = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(queriesAfterFirst, _queries.Count);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/d/cifar10?scope=checked&page=2&size=8")]
    [InlineData("/d/cifar10/10")]
    public async Task A_cached_page_still_allows_enhanced_navigation_in_the_header_s_own_case(string path)
    {
        // blazor.web.js compares "allow" case-sensitively: "Allow" made it reload the whole page.
        async Task<HttpResponseMessage> EnhancedAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            return await _client.SendAsync(request);
        }

        var first = await EnhancedAsync();
        var second = await EnhancedAsync();

        Assert.NotNull(second.Headers.Age);
        Assert.Equal(["allow"], first.Headers.GetValues("blazor-enhanced-nav"));
        Assert.Equal(["allow"], second.Headers.GetValues("blazor-enhanced-nav"));
    }

    [Fact]
    public async Task Each_query_string_is_its_own_entry()
    {
        var k1 = await _client.GetStringAsync("/d/cifar10?scope=checked&k=1");
        var k3 = await _client.GetAsync("/d/cifar10?scope=checked&k=3");

        Assert.Null(k3.Headers.Age);
        Assert.Contains("<b>32</b> examples", k1);
        Assert.Contains("<b>8</b> examples", await k3.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Shared_pages_set_no_cookie_while_other_pages_keep_their_antiforgery_cookie()
    {
        var gallery = await _client.GetAsync("/d/cifar10");
        var upload = await _client.GetAsync("/upload");

        Assert.False(gallery.Headers.Contains("Set-Cookie"));
        Assert.Contains(upload.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/upload")]
    [InlineData("/charts")]
    [InlineData("/u/not-a-real-token")]
    [InlineData("/u/not-a-real-token/review")]
    [InlineData("/d/no-such-dataset")]
    [InlineData("/d/cifar10/99999")]
    [InlineData("/d/cifar10/not-a-number")]
    [InlineData("/d/CIFAR10")]
    public async Task Per_visitor_pages_other_pages_and_errors_are_never_served_from_the_cache(string path)
    {
        var first = await _client.GetAsync(path);
        var second = await _client.GetAsync(path);

        Assert.Null(first.Headers.Age);
        Assert.Null(second.Headers.Age);
        Assert.Equal(first.StatusCode, second.StatusCode);
    }

    [Fact]
    public async Task A_404_stays_a_404_even_when_its_lowercase_twin_is_cached()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/d/cifar10")).StatusCode);
        Assert.NotNull((await _client.GetAsync("/d/cifar10")).Headers.Age);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/d/CIFAR10")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/d/cifar10/99999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/d/cifar10/99999")).StatusCode);
    }

    [Fact]
    public async Task A_post_to_a_page_address_is_not_answered_from_the_cache()
    {
        await _client.GetAsync("/d/cifar10");
        Assert.NotNull((await _client.GetAsync("/d/cifar10")).Headers.Age);

        var post = await _client.PostAsync("/d/cifar10", new FormUrlEncodedContent([]));

        Assert.Null(post.Headers.Age);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode); // no form on the page: antiforgery refuses the post
    }

    [Fact]
    public async Task A_visitor_vote_evicts_its_dataset_pages_and_only_those()
    {
        Assert.Contains("0 visitors answered", await _client.GetStringAsync("/d/cifar10/10"));
        await _client.GetAsync("/d/cifar10");
        await _client.GetAsync("/d/imdb");
        Assert.NotNull((await _client.GetAsync("/d/cifar10/10")).Headers.Age);

        var vote = await _client.PostAsJsonAsync("/api/v1/datasets/cifar10/examples/10/votes", new { browserId = "browser-cache-1", answer = "guessed" });
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);

        var permalink = await _client.GetAsync("/d/cifar10/10");
        Assert.Null(permalink.Headers.Age);
        Assert.Contains("1 visitor answered", await permalink.Content.ReadAsStringAsync());
        Assert.Null((await _client.GetAsync("/d/cifar10")).Headers.Age);
        Assert.NotNull((await _client.GetAsync("/d/imdb")).Headers.Age);
    }

    [Fact]
    public async Task Evicting_everything_after_an_import_shows_the_new_data_on_every_page()
    {
        Assert.DoesNotContain("/d/mnist", await _client.GetStringAsync("/"));
        Assert.DoesNotContain("/d/mnist", await _client.GetStringAsync("/d/cifar10"));
        await using (var db = await DbAsync())
        {
            // What an import adds: a dataset, which every page's menu and the home page list.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO datasets (slug, name, modality, description, test_set_size, class_count, source, licence, citation, sort_order,
                                      paper_cl_guessed, paper_mturk_checked, paper_validated, paper_error_percent)
                VALUES ('mnist', 'MNIST', 'Image', '', 10000, 10, '', '', '', 1, 100, 100, 15, 0.15)
                """);
        }
        Assert.DoesNotContain("/d/mnist", await _client.GetStringAsync("/")); // still the cached page

        await _app.Services.GetRequiredService<BrowsePageCache>().EvictAllAsync();

        Assert.Contains("/d/mnist", await _client.GetStringAsync("/"));
        Assert.Contains("/d/mnist", await _client.GetStringAsync("/d/cifar10"));
    }

    [Fact]
    public async Task With_page_caching_off_every_request_renders()
    {
        await using var app = new LabelErrorsAppFactory(_database.ConnectionString, settings: new Dictionary<string, string?> { ["BrowseCache:PageSeconds"] = "0" });
        var client = app.CreateClient(new() { HandleCookies = false });

        await client.GetAsync("/d/cifar10");
        var second = await client.GetAsync("/d/cifar10");

        Assert.Null(second.Headers.Age);
        Assert.Contains(second.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_database_unavailable_notice_is_never_served_from_the_cache()
    {
        // The app reaches the database through a forwarder that can be switched off: a real outage.
        await using var forwarder = TcpForwarder.To(_database.ConnectionString);
        await using var app = new LabelErrorsAppFactory(forwarder.ConnectionString, migrateOnStart: false);
        var client = app.CreateClient(new() { HandleCookies = false });

        forwarder.Stop();
        var down = await client.GetAsync("/");
        Assert.Contains("The database is not reachable right now", await down.Content.ReadAsStringAsync());
        forwarder.Start();
        var back = await client.GetAsync("/");

        Assert.Null(back.Headers.Age);
        Assert.DoesNotContain("The database is not reachable right now", await back.Content.ReadAsStringAsync());
        Assert.Contains("/d/cifar10", await back.Content.ReadAsStringAsync());
    }

    private async Task<LabelErrorsDbContext> DbAsync() =>
        await _app.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
}
