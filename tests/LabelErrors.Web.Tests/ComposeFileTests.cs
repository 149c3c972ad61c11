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
}
