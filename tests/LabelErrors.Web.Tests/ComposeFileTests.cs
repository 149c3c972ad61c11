using LabelErrors.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace LabelErrors.Web.Tests;

public sealed class ComposeFileTests
{
    private static YamlMappingNode LoadCompose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void The_app_is_built_from_the_deploy_dockerfile_and_published_on_5080()
    {
        var app = Map(Map(LoadCompose(), "services"), "app");
        var build = Map(app, "build");
        Assert.Equal("deploy/Dockerfile", Scalar(build, "dockerfile"));
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "deploy", "Dockerfile")));
        var ports = ((YamlSequenceNode)app.Children[new YamlScalarNode("ports")]).Select(p => ((YamlScalarNode)p).Value).ToList();
        Assert.Contains(ports, p => p!.EndsWith(":5080", StringComparison.Ordinal));
        var environment = Map(app, "environment");
        Assert.Contains("Host=db", Scalar(environment, "ConnectionStrings__LabelErrors"));
    }

    [Fact]
    public void The_app_waits_for_a_healthy_postgres_16_with_a_named_volume()
    {
        var compose = LoadCompose();
        var services = Map(compose, "services");
        var db = Map(services, "db");
        Assert.StartsWith("postgres:16", Scalar(db, "image"));
        Assert.True(db.Children.ContainsKey(new YamlScalarNode("healthcheck")));
        var volumeMount = ((YamlScalarNode)((YamlSequenceNode)db.Children[new YamlScalarNode("volumes")]).First()).Value!;
        var volumeName = volumeMount.Split(':')[0];
        Assert.True(Map(compose, "volumes").Children.ContainsKey(new YamlScalarNode(volumeName)), $"volume {volumeName} is not declared");
        var dependsOn = Map(Map(services, "app"), "depends_on");
        Assert.Equal("service_healthy", Scalar(Map(dependsOn, "db"), "condition"));
    }

    private static IEnumerable<string> Profiles(YamlNode service) =>
        ((YamlMappingNode)service).Children.TryGetValue(new YamlScalarNode("profiles"), out var profiles)
            ? ((YamlSequenceNode)profiles).Select(p => ((YamlScalarNode)p).Value!)
            : [];

    [Fact]
    public void The_citus_profile_runs_a_coordinator_and_two_registered_workers_behind_a_second_app()
    {
        var compose = LoadCompose();
        var services = Map(compose, "services");
        var citus = services.Children.Where(s => Profiles(s.Value).Contains("citus")).ToDictionary(s => ((YamlScalarNode)s.Key).Value!, s => s.Value);
        string[] nodes = ["citus-coordinator", "citus-worker-1", "citus-worker-2"];
        foreach (var node in nodes)
        {
            Assert.True(citus.ContainsKey(node), $"{node} is not in the citus profile");
            Assert.StartsWith("citusdata/citus:", Scalar(citus[node], "image"));
            Assert.True(((YamlMappingNode)citus[node]).Children.ContainsKey(new YamlScalarNode("healthcheck")), $"{node} has no healthcheck");
            var volume = ((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)citus[node]).Children[new YamlScalarNode("volumes")]).First()).Value!.Split(':')[0];
            Assert.True(Map(compose, "volumes").Children.ContainsKey(new YamlScalarNode(volume)), $"volume {volume} is not declared");
        }

        // the default services stay outside the profile: `docker compose up` is unchanged
        Assert.Empty(Profiles(Map(services, "app")));
        Assert.Empty(Profiles(Map(services, "db")));

        var setup = citus["citus-setup"];
        foreach (var node in nodes)
            Assert.Equal("service_healthy", Scalar(Map(Map(setup, "depends_on"), node), "condition"));
        var addWorkers = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "citus", "add-workers.sql"));
        Assert.Contains("/citus/add-workers.sql", string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)setup).Children[new YamlScalarNode("command")]).Select(n => ((YamlScalarNode)n).Value)));
        Assert.Contains("citus_set_coordinator_host('citus-coordinator'", addWorkers);
        foreach (var worker in nodes.Skip(1))
            Assert.Contains($"citus_add_node('{worker}', 5432)", addWorkers);

        var app = citus["app-citus"];
        Assert.Contains("Host=citus-coordinator", Scalar(Map(app, "environment"), "ConnectionStrings__LabelErrors"));
        Assert.Equal("service_completed_successfully", Scalar(Map(Map(app, "depends_on"), "citus-setup"), "condition"));
        Assert.Equal("deploy/Dockerfile", Scalar(Map(app, "build"), "dockerfile"));

        // the one-shot distribution runs the script the data layer defines (tables, order, co-location)
        var distribute = Map(services, "citus-distribute");
        Assert.Contains("/citus/distribute.sql", string.Join(' ', ((YamlSequenceNode)distribute.Children[new YamlScalarNode("command")]).Select(n => ((YamlScalarNode)n).Value)));
        var script = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "citus", "distribute.sql")).ReplaceLineEndings("\n");
        Assert.Contains(string.Join('\n', LabelErrors.Data.CitusLayout.ConversionScript()), script, StringComparison.Ordinal);
    }
}
