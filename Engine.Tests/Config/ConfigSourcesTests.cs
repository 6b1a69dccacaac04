using System.Collections;
using Engine.Config;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Config;

/// <summary>Overlays, environment selection, overrides and refused secrets (issue 6, configuration).</summary>
public sealed class ConfigSourcesTests
{
    private const string SecretValue = "s3cr3t-VALUE-never-shown";

    private string _directory = "";

    [SetUp]
    public void CreateDirectory()
    {
        _directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "config-sources", TestContext.CurrentContext.Test.ID);
        Directory.CreateDirectory(_directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string json)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static Hashtable Variables(params string[] nameValues)
    {
        var variables = new Hashtable();
        for (int i = 0; i < nameValues.Length; i += 2)
        {
            variables[nameValues[i]] = nameValues[i + 1];
        }
        return variables;
    }

    private static ConfigException LoadFails(ConfigSources sources) => Assert.Throws<ConfigException>(() => ConfigLoader.Load(sources))!;

    [TestCaseSource(typeof(ConfigSources), nameof(ConfigSources.Environments))]
    public void Load_ShippedOverlay_IsValid(string environment)
    {
        var sources = new ConfigSources(RepositoryPaths.ShippedConfig(), environment, []);

        var options = ConfigLoader.Load(sources);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(File.Exists(sources.OverlayPath), Is.True, sources.OverlayPath);
            Assert.That(options.Validate(), Is.Empty);
            Assert.That(options.Venues.Kind, Is.EqualTo(Engine.Venues.VenueKind.Paper), "paper until an operator changes it");
            Assert.That(options.Admin.Address, Is.EqualTo("127.0.0.1"), "loopback only");
        }
    }

    [Test]
    public void Load_ProductionOverlay_MergesOverTheBaseKeyByKey()
    {
        var options = ConfigLoader.Load(new ConfigSources(RepositoryPaths.ShippedConfig(), "production", []));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Ring.WaitStrategy, Is.EqualTo(WaitStrategyKind.BusySpin), "from the overlay");
            Assert.That(options.Ring.Slots, Is.EqualTo(65_536), "a sibling the overlay leaves alone keeps the base value");
            Assert.That(options.Pipeline.Thread.CpuSet, Is.EqualTo(new[] { 1 }), "a key the overlay leaves out keeps the base value");
            Assert.That(options.Pipeline.Thread.Exclusive, Is.True, "production keeps the engine's other threads off the loop's CPU");
        }
    }

    [Test]
    public void Load_Overlay_ReplacesListsAndValuesAndMergesObjects()
    {
        string basePath = Write("engine.json", """
            { "pipeline": { "thread": { "name": "base-loop", "cpuSet": [1, 2] } }, "ring": { "slots": 1024, "maxBatchSize": 64 } }
            """);
        Write("engine.staging.json", """
            // comments allowed, as in the base file
            { "pipeline": { "thread": { "cpuSet": [3], "exclusive": true } }, "ring": { "slots": 2048, }, }
            """);

        var options = ConfigLoader.Load(new ConfigSources(basePath, "staging", []));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Pipeline.Thread.CpuSet, Is.EqualTo(new[] { 3 }), "lists are replaced, not appended");
            Assert.That(options.Pipeline.Thread.Name, Is.EqualTo("base-loop"));
            Assert.That(options.Pipeline.Thread.Exclusive, Is.True, "a key the base leaves out, from the overlay");
            Assert.That(options.Ring.Slots, Is.EqualTo(2048));
            Assert.That(options.Ring.MaxBatchSize, Is.EqualTo(64));
        }
    }

    [Test]
    public void Load_OverlayBreaksAValidBase_ReportsTheMergedProblemWithItsPath()
    {
        string basePath = Write("engine.json", """{ "ring": { "slots": 1024, "maxBatchSize": 512 } }""");
        Write("engine.production.json", """{ "ring": { "slots": 256 } }""");

        var thrown = LoadFails(new ConfigSources(basePath, "production", []));

        Assert.That(thrown.Problems, Has.Some.StartsWith("ring.maxBatchSize"));
    }

    [Test]
    public void Load_MissingOverlayFile_NamesTheExpectedFile()
    {
        string basePath = Write("engine.json", "{}");
        var sources = new ConfigSources(basePath, "staging", []);

        var thrown = LoadFails(sources);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown.Message, Does.StartWith(Path.Combine(_directory, "engine.staging.json")));
            Assert.That(thrown.Message, Does.Contain("staging"));
        }
    }

    [Test]
    public void Resolve_EnvFlag_SelectsTheOverlay()
    {
        var sources = ConfigSources.Resolve("/etc/engine/engine.json", "Production", Variables());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sources.Environment, Is.EqualTo("production"));
            Assert.That(sources.OverlayPath, Is.EqualTo("/etc/engine/engine.production.json"));
        }
    }

    [Test]
    public void Resolve_EnvVariable_SelectsTheOverlay()
    {
        var sources = ConfigSources.Resolve("/etc/engine/engine.json", null, Variables(ConfigSources.EnvironmentVariable, "staging"));

        Assert.That(sources.OverlayPath, Is.EqualTo("/etc/engine/engine.staging.json"));
    }

    [Test]
    public void Resolve_FlagAndVariable_FlagWins()
    {
        var sources = ConfigSources.Resolve("engine.json", "production", Variables(ConfigSources.EnvironmentVariable, "staging"));

        Assert.That(sources.Environment, Is.EqualTo("production"));
    }

    [Test]
    public void Resolve_NeitherFlagNorVariable_BaseFileAlone()
    {
        var sources = ConfigSources.Resolve("engine.json", null, Variables(ConfigSources.EnvironmentVariable, ""));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sources.Environment, Is.Null);
            Assert.That(sources.OverlayPath, Is.Null);
        }
    }

    [TestCase("prod", null)]
    [TestCase(null, "qa")]
    public void Resolve_UnknownEnvironment_ThrowsNamingItAndTheKnownOnes(string? flag, string? variable)
    {
        var thrown = Assert.Throws<ConfigException>(() =>
            ConfigSources.Resolve("engine.json", flag, Variables(ConfigSources.EnvironmentVariable, variable!)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown!.Message, Does.StartWith(flag is null ? ConfigSources.EnvironmentVariable : "--env"));
            Assert.That(thrown.Message, Does.Contain($"'{flag ?? variable}'"));
            Assert.That(thrown.Message, Does.Contain("staging, production"));
        }
    }

    [Test]
    public void Resolve_Overrides_TakesOnlyDoubleUnderscoreEngineVariablesInOrder()
    {
        var sources = ConfigSources.Resolve("engine.json", null, Variables(
            "ENGINE__ring__slots", "131072", "ENGINE__admin__port", "9999", "ENGINE_ADMIN_TOKEN", SecretValue, "PATH", "/bin"));

        Assert.That(sources.Overrides.Select(o => o.Key), Is.EqualTo(new[] { "ENGINE__admin__port", "ENGINE__ring__slots" }));
    }

    [Test]
    public void Load_Overrides_AppliedAfterTheOverlayCaseInsensitively()
    {
        var sources = new ConfigSources(RepositoryPaths.ShippedConfig(), "production",
        [
            new("ENGINE__RING__SLOTS", "131072"),
            new("ENGINE__ring__waitstrategy", "Sleeping"),
            new("ENGINE__pipeline__thread__cpuSet", "[0, 1]"),
            new("ENGINE__risk__breaker__maxErrors", "7"),
        ]);

        var options = ConfigLoader.Load(sources);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Ring.Slots, Is.EqualTo(131_072));
            Assert.That(options.Ring.WaitStrategy, Is.EqualTo(WaitStrategyKind.Sleeping), "not JSON, so taken as a string; wins over the overlay");
            Assert.That(options.Pipeline.Thread.CpuSet, Is.EqualTo(new[] { 0, 1 }), "JSON, so taken as a list");
            Assert.That(options.Risk.Breaker.MaxErrors, Is.EqualTo(7), "a key the files leave out but the configuration has");
        }
    }

    [Test]
    public void Load_OverrideOfALogLevelByCategory_AddsItToTheFilesLevels()
    {
        string basePath = Write("engine.json", """{ "logging": { "levels": { "Engine.Loop": "Warning" } } }""");

        var options = ConfigLoader.Load(new ConfigSources(basePath, null, [new("ENGINE__logging__levels__Engine", "Debug")]));

        Assert.That(options.Logging.Levels, Is.EquivalentTo(new Dictionary<string, LogLevel> { ["Engine.Loop"] = LogLevel.Warning, ["Engine"] = LogLevel.Debug }));
    }

    [TestCase("ENGINE__ring__slotz", "ring.slotz")]
    [TestCase("ENGINE__rings__slots", "rings")]
    [TestCase("ENGINE__ring__slots__size", "ring.slots")]
    [TestCase("ENGINE__ring____slots", "empty key")]
    public void Load_OverrideOfAnUnknownKey_ThrowsNamingIt(string name, string expected)
    {
        string basePath = Write("engine.json", "{}");

        var thrown = LoadFails(new ConfigSources(basePath, null, [new(name, "1")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown.Problems, Has.Count.EqualTo(1));
            Assert.That(thrown.Problems[0], Does.StartWith(name).And.Contain(expected));
        }
    }

    [Test]
    public void Load_OverrideWithAnInvalidValue_CaughtByValidationWithItsPath()
    {
        string basePath = Write("engine.json", "{}");

        var thrown = LoadFails(new ConfigSources(basePath, null, [new("ENGINE__ring__slots", "1000")]));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown.Problems, Has.Some.StartsWith("ring.slots"));
            Assert.That(thrown.Message, Does.Contain("ENGINE__ring__slots"), "the source names the variable");
        }
    }

    [Test]
    public void Load_OverrideOfTheWrongType_ReportsTheJsonPath()
    {
        string basePath = Write("engine.json", "{}");

        var thrown = LoadFails(new ConfigSources(basePath, null, [new("ENGINE__ring__slots", "many")]));

        Assert.That(thrown.Problems, Has.Some.Contains("$.ring.slots"));
    }

    [TestCase("apiKey")]
    [TestCase("API_SECRET")]
    [TestCase("secretKey")]
    [TestCase("Password")]
    [TestCase("token")]
    [TestCase("keyId")]
    [TestCase("secret")]
    public void Load_SecretInTheBaseFile_RefusedNamingThePathWithoutTheValue(string key)
    {
        string basePath = Write("engine.json", $$"""{ "venues": { "alpaca": { "{{key}}": "{{SecretValue}}" } } }""");

        var thrown = LoadFails(new ConfigSources(basePath, null, []));

        AssertSecretRefused(thrown, $"venues.alpaca.{key}");
    }

    [Test]
    public void Load_SecretInTheOverlay_RefusedNamingThePathWithoutTheValue()
    {
        string basePath = Write("engine.json", "{}");
        Write("engine.production.json", $$"""{ "admin": { "token": "{{SecretValue}}" }, "feeds": [ { "apiSecret": "{{SecretValue}}" } ] }""");

        var thrown = LoadFails(new ConfigSources(basePath, "production", []));

        using (Assert.EnterMultipleScope())
        {
            AssertSecretRefused(thrown, "admin.token");
            Assert.That(thrown.Problems, Has.Some.StartsWith("feeds[0].apiSecret"), "every secret, in lists too");
            Assert.That(thrown.Message, Does.StartWith(Path.Combine(_directory, "engine.production.json")));
        }
    }

    [TestCase("ENGINE__admin__token", SecretValue, "admin.token")]
    [TestCase("ENGINE__venues__alpaca__apiKey", SecretValue, "venues.alpaca.apiKey")]
    [TestCase("ENGINE__venues__alpaca", """{ "mode": "Paper", "secretKey": "s3cr3t-VALUE-never-shown" }""", "venues.alpaca.secretKey")]
    public void Load_SecretInAnOverride_RefusedNamingThePathWithoutTheValue(string name, string value, string path)
    {
        string basePath = Write("engine.json", "{}");

        var thrown = LoadFails(new ConfigSources(basePath, null, [new(name, value)]));

        using (Assert.EnterMultipleScope())
        {
            AssertSecretRefused(thrown, path);
            Assert.That(thrown.Problems[0], Does.StartWith(name));
        }
    }

    [TestCase("keyIdVariable")]
    [TestCase("secretKeyVariable")]
    [TestCase("tokens")]
    [TestCase("maxOpenOrders")]
    public void IsSecretKey_LegitimateKey_False(string key) => Assert.That(ConfigLayers.IsSecretKey(key), Is.False);

    [Test]
    public void IsSecretKey_EveryKeyOfTheDefaults_False()
    {
        var problems = new List<string>();

        ConfigLayers.FindSecrets(System.Text.Json.Nodes.JsonNode.Parse(ConfigLoader.DefaultsAsJson()), "", problems);

        Assert.That(problems, Is.Empty);
    }

    private static void AssertSecretRefused(ConfigException thrown, string path)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(thrown.Problems, Has.Some.Contains(path));
            Assert.That(thrown.Message, Does.Contain("APCA_API_KEY_ID").And.Contain("APCA_API_SECRET_KEY").And.Contain("ENGINE_ADMIN_TOKEN"));
            Assert.That(thrown.Message, Does.Not.Contain(SecretValue), "the value is never echoed");
        }
    }
}
