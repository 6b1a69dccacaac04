using System.Text.Json;
using Engine.Config;
using Engine.Host;
using Engine.Orders;
using Engine.Risk;
using Engine.Strategies;
using Engine.Tests.Strategies.Plugins;
using Feeds;

namespace Engine.Tests.Strategies;

/// <summary>
/// <c>strategy.name: Plugin</c>: a strategy from an assembly the engine does not ship (this test
/// assembly's <see cref="MidMomentumPlugin"/>), loaded, validated and run; every way its naming can be
/// wrong reported with its key. The engine process loading it in a context of its own: EngineProcessTests.
/// </summary>
public sealed class StrategyPluginTests
{
    private static readonly string s_thisAssembly = typeof(MidMomentumPlugin).Assembly.Location;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static StrategyOptions Plugin(string parameters = """{ "instrument": 0, "quantity": 100, "thresholdTicks": 2 }""", string? assembly = null, string? type = null) => new()
    {
        Name = StrategyKind.Plugin,
        Plugin = new StrategyPluginOptions
        {
            Assembly = assembly ?? s_thisAssembly,
            Type = type ?? typeof(MidMomentumPlugin).FullName!,
            Parameters = Json(parameters),
        },
    };

    private static List<string> Validate(StrategyOptions options)
    {
        var errors = new List<string>();
        options.Validate("strategy", errors, instruments: 2, new RiskOptions());
        return errors;
    }

    [Test]
    public void Create_NamedPlugin_IsTheUsersStrategyWithItsParameters()
    {
        var options = Plugin();

        Assert.That(Validate(options), Is.Empty);
        var strategy = StrategyFactory.Create(options, instruments: 2);

        Assert.That(strategy, Is.TypeOf<MidMomentumStrategy>());
        Assert.That(((MidMomentumStrategy)strategy!).Parameters, Is.EqualTo(new MidMomentumParameters(0, 100, 2, 0)));
        Assert.That(StrategyFactory.Create(options, instruments: 2), Is.Not.SameAs(strategy), "a fresh strategy for each copy of the pipeline");
    }

    [Test]
    public void Validate_PluginsOwnProblems_ComeUnderTheParametersKey()
    {
        var errors = Validate(Plugin("""{ "instrument": 2, "quantity": 0 }"""));

        Assert.That(errors, Is.EqualTo(new[]
        {
            "strategy.plugin.parameters.instrument: 2 is not an integer in 0..1",
            "strategy.plugin.parameters.quantity: 0 is not an integer in 1..1000000",
            "strategy.plugin.parameters.thresholdTicks: required, an integer in 1..1000000",
        }));
    }

    [TestCase("", null, "strategy.plugin.assembly: required with strategy.name Plugin")]
    [TestCase("no-such-plugin.dll", null, "strategy.plugin.assembly: file not found: ")]
    [TestCase(null, "", "strategy.plugin.type: required with strategy.name Plugin")]
    [TestCase(null, "Engine.Tests.Strategies.Plugins.NoSuchPlugin", "strategy.plugin.type: no type 'Engine.Tests.Strategies.Plugins.NoSuchPlugin' in Engine.Tests")]
    [TestCase(null, "Engine.Tests.Strategies.Plugins.MidMomentumStrategy", "strategy.plugin.type: 'Engine.Tests.Strategies.Plugins.MidMomentumStrategy' must be a public, non-abstract class implementing Engine.Strategies.IStrategyPlugin")]
    [TestCase(null, "Engine.Tests.Strategies.StrategyPluginTests+PluginWithArguments", "strategy.plugin.type: 'Engine.Tests.Strategies.StrategyPluginTests+PluginWithArguments' has no public parameterless constructor")]
    [TestCase(null, "Engine.Tests.Strategies.StrategyPluginTests+PluginThatCannotStart", "strategy.plugin.type: 'Engine.Tests.Strategies.StrategyPluginTests+PluginThatCannotStart''s constructor threw InvalidOperationException: no market data licence")]
    [TestCase(null, "Engine.Tests.Strategies.StrategyPluginTests+PluginThatThrowsInValidate", "strategy.plugin.parameters: Engine.Tests.Strategies.StrategyPluginTests+PluginThatThrowsInValidate.Validate threw FormatException: bad")]
    public void Validate_PluginNamedWrongly_SaysWhatAndWhereUnderItsKey(string? assembly, string? type, string expected)
    {
        var errors = Validate(Plugin(assembly: assembly, type: type));

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith(expected));
    }

    [Test]
    public void Validate_AFileThatIsNoAssembly_IsRefusedAsSuch()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-a-plugin-{Guid.NewGuid():N}.dll");
        File.WriteAllText(path, "not an assembly");
        try
        {
            Assert.That(Validate(Plugin(assembly: path)), Is.EqualTo(new[] { $"strategy.plugin.assembly: '{path}' is not a .NET assembly" }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Validate_ParametersNotAnObject_IsRefusedWithoutAskingThePlugin()
    {
        Assert.That(Validate(Plugin("[1, 2]")), Is.EqualTo(new[] { "strategy.plugin.parameters: must be a JSON object, got Array" }));
    }

    [Test]
    public void Validate_PluginSectionOfAnotherStrategy_IsNotLoaded()
    {
        var options = Plugin(assembly: "no-such-plugin.dll") with { Name = StrategyKind.None };

        Assert.That(Validate(options), Is.Empty);
    }

    [Test]
    public void Parse_ConfigFileWithAPlugin_KeepsItsParametersWhole()
    {
        string json = $$"""
            { "strategy": {{PluginConfig.StrategySection("""{ "instrument": 1, "quantity": 5, "thresholdTicks": 3, "cooldownEvents": 10, "notes": { "anything": ["the plugin's own"] } }""")}} }
            """;

        var options = ConfigLoader.Parse(json, "test");

        Assert.That(options.Strategy.Plugin.Parameters.GetProperty("cooldownEvents").GetInt64(), Is.EqualTo(10));
        Assert.That(((MidMomentumStrategy)StrategyFactory.Create(options.Strategy, options.Book.Instruments)!).Parameters, Is.EqualTo(new MidMomentumParameters(1, 5, 3, 10)));
    }

    [Test]
    public void ChangesNeedingRestart_PluginParametersReload_ButAnotherAssemblyOrTypeWaitsForARestart()
    {
        var options = new EngineOptions { Strategy = Plugin() };
        var retuned = options with { Strategy = Plugin("""{ "instrument": 0, "quantity": 100, "thresholdTicks": 9 }""") };

        Assert.That(ConfigReloader.ChangesNeedingRestart(options, retuned), Is.Empty);
        Assert.That(options.Strategy.RunsTheSameStrategyAs(retuned.Strategy), Is.True);
        Assert.That(ConfigReloader.ChangesNeedingRestart(options, options with { Strategy = Plugin(type: "Other.Plugin") }), Is.EqualTo(new[] { "strategy.plugin.type" }));
        Assert.That(ConfigReloader.ChangesNeedingRestart(options, options with { Strategy = Plugin(assembly: "other.dll") }), Is.EqualTo(new[] { "strategy.plugin.assembly" }));
        Assert.That(options.Strategy.RunsTheSameStrategyAs(Plugin(type: "Other.Plugin")), Is.False);
    }

    [Test]
    public void OnMarketData_MidRisesByTheThreshold_BuysTheAskImmediateOrCancel()
    {
        var (h, strategy) = Run("""{ "instrument": 0, "quantity": 100, "thresholdTicks": 2 }""");

        h.Quote(9_990, 500, 10_010, 500); // mid 10,000: the reference
        h.Quote(9_991, 500, 10_011, 500); // +1 tick: nothing
        Assert.That(strategy.Signals, Is.Zero);

        h.Quote(9_992, 500, 10_012, 500); // +2 ticks

        Assert.That(strategy.Signals, Is.EqualTo(1));
        var command = h.OutboundRing[h.OutboundRing.Cursor];
        Assert.That((command.Kind, command.Side, command.TimeInForce, command.LimitPriceTicks, command.Quantity), Is.EqualTo((OrderCommandKind.New, Side.Buy, TimeInForce.Ioc, 10_012L, 100L)));
    }

    [Test]
    public void OnMarketData_MidFallsByTheThreshold_SellsTheBidThenWaitsItsCooldown()
    {
        var (h, strategy) = Run("""{ "instrument": 0, "quantity": 100, "thresholdTicks": 2, "cooldownEvents": 2 }""");
        h.Quote(9_990, 500, 10_010, 500);

        h.Quote(9_988, 500, 10_008, 500); // -2 ticks: sell at the bid
        var command = h.OutboundRing[h.OutboundRing.Cursor];
        Assert.That((command.Side, command.LimitPriceTicks), Is.EqualTo((Side.Sell, 9_988L)));

        h.Quote(9_980, 500, 10_000, 500); // two events of cooldown
        h.Quote(9_970, 500, 9_990, 500);
        Assert.That(strategy.Signals, Is.EqualTo(1));
        h.Quote(9_970, 500, 9_990, 500); // -18 ticks from where it last sold
        Assert.That(strategy.Signals, Is.EqualTo(2));
    }

    [Test]
    public void OnMarketData_OtherInstrumentOrTradingHalted_SendsNothing()
    {
        var (h, strategy) = Run("""{ "instrument": 1, "quantity": 100, "thresholdTicks": 1 }""");
        h.Quote(9_990, 500, 10_010, 500, instrumentId: 0);
        h.Quote(9_995, 500, 10_015, 500, instrumentId: 0);
        Assert.That(strategy.Signals, Is.Zero, "instrument 0 is not the one it follows");

        h.Quote(9_990, 500, 10_010, 500, instrumentId: 1);
        h.Command(Engine.Pipeline.ControlCommand.Kill);
        h.Quote(9_995, 500, 10_015, 500, instrumentId: 1);

        Assert.That(strategy.Signals, Is.Zero, "halted");
    }

    [Test]
    public void OnParameters_Reloaded_TakesTheNewThreshold()
    {
        var (h, strategy) = Run("""{ "instrument": 0, "quantity": 100, "thresholdTicks": 5 }""");

        strategy.OnParameters(Plugin("""{ "instrument": 0, "quantity": 7, "thresholdTicks": 1 }"""));
        h.Quote(9_990, 500, 10_010, 500);
        h.Quote(9_991, 500, 10_011, 500);

        Assert.That(strategy.Signals, Is.EqualTo(1));
        Assert.That(h.OutboundRing[h.OutboundRing.Cursor].Quantity, Is.EqualTo(7));
    }

    [Test]
    public void SamplePlugin_WarmedLoopWithAReloadAmongItsEvents_AllocatesNothing()
    {
        var strategy = (MidMomentumStrategy)StrategyFactory.Create(Plugin("""{ "instrument": 0, "quantity": 100, "thresholdTicks": 1 }"""), instruments: 2)!;
        var h = new StrategyHarness(strategy, new RiskOptions { Defaults = new() { PriceDecimals = 2 }, SubmitsPerSecond = 100_000, SubmitBurst = 1_000 });
        var reloaded = Plugin("""{ "instrument": 0, "quantity": 200, "thresholdTicks": 1 }""");
        Run(200);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(2_000);
        h.Parameters.Post(reloaded);
        h.Command(Engine.Pipeline.ControlCommand.ApplyStrategyParameters);
        Run(2_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
        Assert.That((strategy.Signals, strategy.Parameters.Quantity), Is.EqualTo((4_199L, 200L)), "an order on every event but the first, which set the reference");

        void Run(int events)
        {
            for (int i = 0; i < events; i++)
            {
                long signals = strategy.Signals;
                long up = i % 2; // the mid moves a tick every event: a signal each time
                h.Quote(9_990 + up, 500, 10_010 + up, 500);
                if (strategy.Signals > signals)
                {
                    h.Report(ExecutionKind.Canceled, h.OutboundRing[h.OutboundRing.Cursor].ClientOrderId); // the IOC found nothing
                }
                h.Advance(1);
                h.DrainOutbound();
            }
        }
    }

    private static (StrategyHarness Harness, MidMomentumStrategy Strategy) Run(string parameters)
    {
        var strategy = (MidMomentumStrategy)StrategyFactory.Create(Plugin(parameters), instruments: 2)!;
        return (new StrategyHarness(strategy), strategy);
    }

    [TestCase("Engine.Tests.Strategies.StrategyPluginTests+PluginThatCannotCreate", "strategy.plugin.type: Engine.Tests.Strategies.StrategyPluginTests+PluginThatCannotCreate.Create threw ArgumentException: no such symbol")]
    [TestCase("Engine.Tests.Strategies.StrategyPluginTests+PluginThatCreatesNothing", "strategy.plugin.type: Engine.Tests.Strategies.StrategyPluginTests+PluginThatCreatesNothing.Create returned no strategy")]
    public void Create_PluginFailsToMakeItsStrategy_IsAConfigurationProblemNamingIt(string type, string expected)
    {
        var options = Plugin(type: type);
        Assert.That(Validate(options), Is.Empty, "its parameters are fine");

        var thrown = Assert.Throws<ConfigException>(() => StrategyFactory.Create(options, instruments: 2));

        Assert.That(thrown!.Problems, Is.EqualTo(new[] { expected }));
    }

    /// <summary>A plugin whose Create fails.</summary>
    public sealed class PluginThatCannotCreate : IStrategyPlugin
    {
        public void Validate(JsonElement parameters, int instruments, List<string> errors)
        {
        }

        public IStrategy Create(JsonElement parameters, int instruments) => throw new ArgumentException("no such symbol");
    }

    /// <summary>A plugin whose Create returns null (the engine would otherwise run no strategy).</summary>
    public sealed class PluginThatCreatesNothing : IStrategyPlugin
    {
        public void Validate(JsonElement parameters, int instruments, List<string> errors)
        {
        }

        public IStrategy Create(JsonElement parameters, int instruments) => null!;
    }

    /// <summary>A plugin the engine cannot make: its only constructor takes arguments.</summary>
    public sealed class PluginWithArguments(int unused) : IStrategyPlugin
    {
        public int Unused { get; } = unused;

        public void Validate(JsonElement parameters, int instruments, List<string> errors)
        {
        }

        public IStrategy Create(JsonElement parameters, int instruments) => throw new NotSupportedException();
    }

    /// <summary>A plugin whose constructor fails.</summary>
    public sealed class PluginThatCannotStart : IStrategyPlugin
    {
        public PluginThatCannotStart() => throw new InvalidOperationException("no market data licence");

        public void Validate(JsonElement parameters, int instruments, List<string> errors)
        {
        }

        public IStrategy Create(JsonElement parameters, int instruments) => throw new NotSupportedException();
    }

    /// <summary>A plugin whose validation throws instead of listing problems.</summary>
    public sealed class PluginThatThrowsInValidate : IStrategyPlugin
    {
        public void Validate(JsonElement parameters, int instruments, List<string> errors) => throw new FormatException("bad");

        public IStrategy Create(JsonElement parameters, int instruments) => throw new NotSupportedException();
    }
}
