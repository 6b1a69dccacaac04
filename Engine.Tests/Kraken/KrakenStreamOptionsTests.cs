using Feeds.Kraken;

namespace Engine.Tests.Kraken;

public sealed class KrakenStreamOptionsTests
{
    private static List<string> Problems(KrakenStreamOptions options)
    {
        var errors = new List<string>();
        options.Validate("feeds.kraken", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_AreValid()
    {
        var options = new KrakenStreamOptions();

        Assert.That(Problems(options), Is.Empty);
        Assert.That((options.Url, options.Depth, options.Pairs.Count), Is.EqualTo(("wss://ws.kraken.com", 10, 0)));
    }

    [TestCase(10)]
    [TestCase(25)]
    [TestCase(100)]
    [TestCase(500)]
    [TestCase(1000)]
    public void Validate_DepthKrakenOffers_IsAccepted(int depth)
    {
        Assert.That(Problems(new KrakenStreamOptions { Depth = depth, Pairs = ["XBT/USD"] }), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(20)]
    [TestCase(2000)]
    public void Validate_OtherDepth_IsRefused(int depth)
    {
        Assert.That(Problems(new KrakenStreamOptions { Depth = depth }), Has.One.StartsWith($"feeds.kraken.depth: {depth} is not one of"));
    }

    [Test]
    public void Validate_EveryBadValue_IsReportedWithItsKeyPath()
    {
        var options = new KrakenStreamOptions
        {
            Url = "ws://ws.kraken.com",
            Pairs = ["XBT/USD", "", "HAS SPACE", "XBT/USD", "\"Q\"", new string('A', 33)],
            Transport = new() { ConnectTimeoutMs = 5 },
        };

        var problems = Problems(options);

        Assert.That(problems, Has.Count.EqualTo(7));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.url:").And.Contains("not loopback"));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.pairs[1]: ''"));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.pairs[2]: 'HAS SPACE'"));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.pairs[3]: 'XBT/USD' is listed twice"));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.pairs[4]:"));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.pairs[5]:"));
        Assert.That(problems, Has.One.StartsWith("feeds.kraken.transport.connectTimeoutMs: 5"));
    }

    [Test]
    public void Validate_MissingLists_AreReportedNotThrown()
    {
        var options = new KrakenStreamOptions { Pairs = null!, Transport = null! };

        Assert.That(Problems(options), Is.EquivalentTo(new[] { "feeds.kraken.pairs: must be a list (empty for none)", "feeds.kraken.transport: must be an object" }));
    }
}
