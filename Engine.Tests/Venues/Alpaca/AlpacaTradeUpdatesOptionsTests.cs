using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

public sealed class AlpacaTradeUpdatesOptionsTests
{
    private static List<string> Problems(AlpacaTradeUpdatesOptions options)
    {
        var errors = new List<string>();
        options.Validate("venues.alpaca.stream", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_AreValidPaperWssWithoutAStaleTimer()
    {
        var options = new AlpacaTradeUpdatesOptions();

        Assert.That(Problems(options), Is.Empty);
        Assert.That((options.Url, options.Transport.StaleTimeoutMs), Is.EqualTo(("wss://paper-api.alpaca.markets/stream", 0)));
    }

    [Test]
    public void Validate_EveryBadKey_IsListedWithItsPath()
    {
        var options = new AlpacaTradeUpdatesOptions
        {
            Url = "https://api.alpaca.markets/stream",
            MaxTrackedOrders = 3,
            Transport = new() { ReconnectInitialDelayMs = 0 },
        };

        Assert.That(Problems(options), Is.EquivalentTo(new[]
        {
            "venues.alpaca.stream.url: 'https://api.alpaca.markets/stream' has scheme 'https'; only wss:// (or ws:// to a loopback host) is allowed",
            "venues.alpaca.stream.maxTrackedOrders: 3 is outside 16..10000000",
            "venues.alpaca.stream.transport.reconnectInitialDelayMs: 0 is outside 1..60000",
        }));
    }

    [Test]
    public void Validate_PlainWsToLoopback_IsAllowedForTests()
    {
        Assert.That(Problems(new AlpacaTradeUpdatesOptions { Url = "ws://127.0.0.1:5000/stream" }), Is.Empty);
    }
}
