using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LabelErrors.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LabelErrorsDbContext>
{
    public LabelErrorsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__LabelErrors")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=labelerrors";
        var options = new DbContextOptionsBuilder<LabelErrorsDbContext>()
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .Options;
        return new LabelErrorsDbContext(options);
    }
}
