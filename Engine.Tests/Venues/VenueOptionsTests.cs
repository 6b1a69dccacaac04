using Engine.Config;
using Engine.Host;
using Engine.Venues;
using Engine.Venues.Alpaca;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Venues;

/// <summary>The <c>venues</c> section: the kind, and the Alpaca venue's keys now that it is wired.</summary>
public sealed class VenueOptionsTests
{
    [Test]
    public void Parse_KindAlpacaWithItsSection_IsAccepted()
    {
        var options = ConfigLoader.Parse("""
            { "venues": { "kind": "Alpaca", "alpaca": { "mode": "Paper", "rateLimitPerMinute": 150, "stream": { "maxTrackedOrders": 512 } } } }
            """, "test.json");

        Assert.That((options.Venues.Kind, options.Venues.Alpaca.RateLimitPerMinute, options.Venues.Alpaca.Stream.MaxTrackedOrders),
            Is.EqualTo((VenueKind.Alpaca, 150, 512)));
    }

    [Test]
    public void Validate_StreamUrlDifferentFromStreamUrlKey_ErrorNamesTheKeyPath()
    {
        var options = new VenueOptions { Kind = VenueKind.Alpaca, Alpaca = new AlpacaTradingOptions { Stream = new AlpacaTradeUpdatesOptions { Url = "wss://elsewhere.example/stream" } } };
        var errors = new List<string>();

        options.Validate("venues", errors);

        Assert.That(errors, Has.Exactly(1).StartsWith("venues.alpaca.stream.url:"));
    }

    [Test]
    public void Validate_LiveModeWithPlainWebSocketStream_IsRefused()
    {
        var options = new VenueOptions { Kind = VenueKind.Alpaca, Alpaca = new AlpacaTradingOptions { Mode = AlpacaTradingMode.Live, StreamUrl = "ws://127.0.0.1:9000/stream" } };
        var errors = new List<string>();

        options.Validate("venues", errors);

        Assert.That(errors, Has.Some.StartsWith("venues.alpaca.streamUrl:").And.Contains("wss://"));
    }

    [Test]
    public void Validate_StreamTransportOutOfRange_ErrorNamesTheKeyPath()
    {
        var options = new VenueOptions { Alpaca = new AlpacaTradingOptions { Stream = new AlpacaTradeUpdatesOptions { MaxTrackedOrders = 1 } } };
        var errors = new List<string>();

        options.Validate("venues", errors);

        Assert.That(errors, Has.Exactly(1).StartsWith("venues.alpaca.stream.maxTrackedOrders:"));
    }

    [Test]
    public void EngineHost_AlpacaWithBlankCredentials_RefusedNamingTheVariablesNotTheValues()
    {
        var options = new EngineOptions { Venues = new VenueOptions { Kind = VenueKind.Alpaca } };

        var thrown = Assert.Throws<InvalidOperationException>(() => new EngineHost(options, NullLoggerFactory.Instance, environment: name => name == "APCA_API_KEY_ID" ? "PKVISIBLEKEY" : "   "));

        Assert.That(thrown!.Message, Does.Contain("APCA_API_SECRET_KEY").And.Not.Contain("PKVISIBLEKEY"));
    }
}
