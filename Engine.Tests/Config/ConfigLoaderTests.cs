using System.Text.Json.Nodes;
using Engine.Config;
using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;

namespace Engine.Tests.Config;

public sealed class ConfigLoaderTests
{
    /// <summary>
    /// The full default document with <paramref name="edit"/> applied. Tests of one rule start
    /// from a complete file so that they do not depend on how omitted keys are filled in.
    /// </summary>
    private static string DefaultsWith(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(ConfigLoader.DefaultsAsJson())!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static JsonObject Section(JsonObject root, string name) => root[name]!.AsObject();

    private static ConfigException ParseFails(string json)
    {
        var thrown = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(json, "test.json"));
        return thrown!;
    }

    [Test]
    public void Load_ShippedEngineJson_IsValid()
    {
        string path = RepositoryPaths.ShippedConfig();

        var options = ConfigLoader.Load(path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Validate(), Is.Empty);
            Assert.That(options.Ring.Slots, Is.EqualTo(65_536));
            Assert.That(options.Ring.Producers, Is.EqualTo(ProducerType.Multi));
            Assert.That(options.Ring.WaitStrategy, Is.EqualTo(WaitStrategyKind.Yielding));
        }
    }

    [Test]
    public void Load_MissingFile_ThrowsConfigExceptionNamingThePath()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such-dir", "engine.json");

        var thrown = Assert.Throws<ConfigException>(() => ConfigLoader.Load(path));

        Assert.That(thrown!.Message, Does.StartWith(path));
    }

    [Test]
    public void DefaultsAsJson_ParsedBack_IsValidAndEqualToDefaults()
    {
        var defaults = new EngineOptions();

        var parsed = ConfigLoader.Parse(ConfigLoader.DefaultsAsJson(), "defaults");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(parsed.Ring, Is.EqualTo(defaults.Ring));
            Assert.That(parsed.Synthetic, Is.EqualTo(defaults.Synthetic));
            Assert.That(parsed.Pipeline.FaultPolicy, Is.EqualTo(defaults.Pipeline.FaultPolicy));
            Assert.That(parsed.Pipeline.Thread.CpuSet, Is.EqualTo(defaults.Pipeline.Thread.CpuSet));
            Assert.That(parsed.StatusIntervalMs, Is.EqualTo(defaults.StatusIntervalMs));
        }
    }

    /// <remarks>
    /// Regression: the source-generated reader gave omitted init-only properties default(T), so
    /// an omitted section became null and an omitted key 0. Options now have setters.
    /// </remarks>
    [Test]
    public void Parse_EmptyObject_GivesDefaults()
    {
        EngineOptions? options = null;

        Assert.That(() => options = ConfigLoader.Parse("{}", "test.json"), Throws.Nothing, "omitted sections become null");
        Assert.That(options!.Ring, Is.EqualTo(new RingOptions()));
    }

    /// <remarks>
    /// Regression, the dangerous form of the same fault: a ring section giving only its size
    /// silently became a single-producer, busy-spin ring (enum value 0 of each).
    /// </remarks>
    [Test]
    public void Parse_KeysOmittedFromSection_KeepTheirDefaults()
    {
        string json = DefaultsWith(root => root["ring"] = new JsonObject { ["slots"] = 1024, ["maxBatchSize"] = 512 });

        var options = ConfigLoader.Parse(json, "test.json");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Ring.Slots, Is.EqualTo(1024));
            Assert.That(options.Ring.Producers, Is.EqualTo(ProducerType.Multi), "an omitted key becomes 0 (Single)");
            Assert.That(options.Ring.WaitStrategy, Is.EqualTo(WaitStrategyKind.Yielding), "an omitted key becomes 0 (BusySpin)");
        }
    }

    [Test]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        string json = DefaultsWith(root => Section(root, "ring")["slots"] = 8192).TrimEnd();
        json = "{ // a comment\n" + json[1..^1] + ",\n}";

        var options = ConfigLoader.Parse(json, "test.json");

        Assert.That(options.Ring.Slots, Is.EqualTo(8192));
    }

    [Test]
    public void Parse_SeveralBadValues_ReportsEveryKeyPath()
    {
        string json = DefaultsWith(root =>
        {
            var ring = Section(root, "ring");
            ring["slots"] = 1000;
            ring["maxBatchSize"] = 0;
            ring["producers"] = 7;
            var pipeline = Section(root, "pipeline");
            pipeline["shutdownTimeoutMs"] = 1;
            pipeline["tickMs"] = -1;
            var thread = Section(pipeline, "thread");
            thread["name"] = "";
            thread["cpuSet"] = new JsonArray(2000);
            thread["nice"] = 40;
            var book = Section(root, "book");
            book["maxOrders"] = 0;
            book["maxLevelsPerSide"] = 70_000;
            var synthetic = Section(root, "synthetic");
            synthetic["instruments"] = 0;
            synthetic["rateEventsPerSecond"] = -5;
            synthetic["maxEventsPerThread"] = -1;
            root["statusIntervalMs"] = -1;
            Section(root, "feeds")["cpuSet"] = new JsonArray(2000);
        });
        string[] keyPaths =
        [
            "ring.slots", "ring.maxBatchSize", "ring.producers",
            "pipeline.shutdownTimeoutMs", "pipeline.tickMs", "pipeline.thread.name", "pipeline.thread.cpuSet[0]", "pipeline.thread.nice",
            "book.maxOrders", "book.maxLevelsPerSide",
            "synthetic.instruments", "synthetic.threads", "synthetic.rateEventsPerSecond", "synthetic.maxEventsPerThread",
            "statusIntervalMs", "feeds.cpuSet",
        ];

        var thrown = ParseFails(json);

        using (Assert.EnterMultipleScope())
        {
            foreach (string keyPath in keyPaths)
            {
                Assert.That(thrown.Problems, Has.One.StartsWith(keyPath + ":"), keyPath);
            }
            Assert.That(thrown.Problems, Has.Count.EqualTo(keyPaths.Length));
            Assert.That(thrown.Message, Does.StartWith("test.json"));
        }
    }

    [Test]
    public void Parse_UnknownTopLevelKey_IsRejectedNamingTheKey()
    {
        var thrown = ParseFails(DefaultsWith(root => root["colour"] = "blue"));

        Assert.That(thrown.Problems, Has.One.Contains("colour"));
    }

    [Test]
    public void Parse_UnknownNestedKey_IsRejectedNamingTheKey()
    {
        var thrown = ParseFails(DefaultsWith(root => Section(root, "ring")["slotz"] = 2048));

        Assert.That(thrown.Problems, Has.One.Contains("slotz"));
    }

    /// <summary>
    /// Derived values (methods of the options, not properties) are not keys: the defaults (the schema of
    /// environment overrides, and what a reload compares) leave them out, and a file that sets one is refused.
    /// </summary>
    [TestCase("sources")]
    [TestCase("synthetic.activeThreads")]
    [TestCase("synthetic.activeInstruments")]
    [TestCase("feeds.anyLive")]
    public void DerivedValue_IsNotAKey(string keyPath)
    {
        string[] keys = keyPath.Split('.');
        JsonNode? defaults = JsonNode.Parse(ConfigLoader.DefaultsAsJson());
        foreach (string key in keys[..^1])
        {
            defaults = defaults![key];
        }

        var thrown = ParseFails(DefaultsWith(root =>
        {
            var section = root;
            foreach (string key in keys[..^1])
            {
                section = Section(section, key);
            }
            section[keys[^1]] = 1;
        }));

        Assert.That(defaults!.AsObject().ContainsKey(keys[^1]), Is.False);
        Assert.That(thrown.Problems, Has.One.Contains(keys[^1]));
    }

    [TestCase(1000)]
    [TestCase(3)]
    [TestCase(1)]
    public void Parse_RingSlotsNotPowerOfTwo_IsRejected(int slots)
    {
        var thrown = ParseFails(DefaultsWith(root =>
        {
            Section(root, "ring")["slots"] = slots;
            Section(root, "ring")["maxBatchSize"] = 1;
        }));

        Assert.That(thrown.Problems, Is.EqualTo(new[] { $"ring.slots: {slots} must be a power of two in 2..67108864" }));
    }

    [Test]
    public void Parse_MaxBatchSizeAboveSlots_IsRejected()
    {
        var thrown = ParseFails(DefaultsWith(root =>
        {
            Section(root, "ring")["slots"] = 1024;
            Section(root, "ring")["maxBatchSize"] = 4096;
        }));

        Assert.That(thrown.Problems, Is.EqualTo(new[] { "ring.maxBatchSize: 4096 must be 1..slots (1024)" }));
    }

    [Test]
    public void Parse_UnknownEnumName_IsRejected()
    {
        var thrown = ParseFails(DefaultsWith(root => Section(root, "ring")["waitStrategy"] = "Napping"));

        Assert.That(thrown.Problems, Has.One.Contains("waitStrategy"));
    }

    [Test]
    public void Parse_MalformedJson_ThrowsConfigException()
    {
        var thrown = ParseFails("""{ "ring": { "slots": """);

        Assert.That(thrown.Problems, Has.Count.EqualTo(1));
    }

    [Test]
    public void Parse_NullDocument_ReportsNoConfigurationObject()
    {
        var thrown = ParseFails("null");

        Assert.That(thrown.Problems, Is.EqualTo(new[] { "the file holds no configuration object" }));
    }

    /// <remarks>
    /// Regression: a section set to JSON null used to reach Validate and throw
    /// NullReferenceException; the reader now respects nullable annotations and reports the key.
    /// </remarks>
    [TestCase("ring")]
    [TestCase("pipeline.thread")]
    [TestCase("pipeline.thread.cpuSet")]
    [TestCase("feeds.cpuSet")]
    public void Parse_SectionIsNull_ThrowsConfigExceptionNamingIt(string keyPath)
    {
        string[] keys = keyPath.Split('.');
        string json = DefaultsWith(root =>
        {
            var parent = root;
            foreach (string key in keys[..^1])
            {
                parent = Section(parent, key);
            }
            parent[keys[^1]] = null;
        });
        Exception? thrown = null;
        try
        {
            ConfigLoader.Parse(json, "test.json");
        }
#pragma warning disable CA1031 // the point is to see which exception escapes
        catch (Exception exception)
#pragma warning restore CA1031
        {
            thrown = exception;
        }

        Assert.That(thrown, Is.TypeOf<ConfigException>(), $"a null '{keyPath}' escapes as {thrown?.GetType().Name ?? "no exception"}");
        Assert.That(((ConfigException)thrown!).Problems, Has.Some.Contains(keyPath));
    }
}
