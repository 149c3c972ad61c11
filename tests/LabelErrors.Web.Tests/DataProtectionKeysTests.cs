using LabelErrors.Data;
using LabelErrors.Tests.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LabelErrors.Web.Tests;

/// <summary>Two web nodes on one database share the Data Protection key ring: what one protects, the other reads.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public async Task A_payload_protected_by_one_node_is_read_by_another()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var first = new LabelErrorsAppFactory(database.ConnectionString);
        await using var second = new LabelErrorsAppFactory(database.ConnectionString);
        first.CreateClient();
        second.CreateClient();

        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello from node one");
        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("hello from node one", read);
        await using var db = await first.Services.GetRequiredService<IDbContextFactory<LabelErrorsDbContext>>().CreateDbContextAsync();
        Assert.True(await db.DataProtectionKeys.CountAsync() >= 1, "no key was stored in the database");
    }
}
