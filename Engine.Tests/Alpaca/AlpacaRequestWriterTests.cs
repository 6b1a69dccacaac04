using System.Text.Json;
using Feeds.Alpaca;
using Feeds.Transport;

namespace Engine.Tests.Alpaca;

public sealed class AlpacaRequestWriterTests
{
    [Test]
    public void Auth_WritesTheDocumentedMessage_WithValuesEscaped()
    {
        var credentials = ApiCredentials.FromEnvironment("K", "S", name => name == "K" ? "PK\"ID" : "se\\cret");

        using var auth = JsonDocument.Parse(AlpacaRequestWriter.Auth(credentials));

        Assert.That(auth.RootElement.GetProperty("action").GetString(), Is.EqualTo("auth"));
        Assert.That(auth.RootElement.GetProperty("key").GetString(), Is.EqualTo("PK\"ID"));
        Assert.That(auth.RootElement.GetProperty("secret").GetString(), Is.EqualTo("se\\cret"));
    }

    [Test]
    public void Subscribe_WritesOnlyTheNonEmptyLists()
    {
        var options = new AlpacaStreamOptions { Trades = ["AAPL"], Quotes = ["AMD", "CLDR"], Bars = ["*"] };

        using var subscribe = JsonDocument.Parse(AlpacaRequestWriter.Subscribe(options));

        var root = subscribe.RootElement;
        Assert.That(root.GetProperty("action").GetString(), Is.EqualTo("subscribe"));
        Assert.That(root.GetProperty("trades").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "AAPL" }));
        Assert.That(root.GetProperty("quotes").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "AMD", "CLDR" }));
        Assert.That(root.GetProperty("bars").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "*" }));
        Assert.That(root.TryGetProperty("dailyBars", out _), Is.False);
        Assert.That(root.TryGetProperty("statuses", out _), Is.False);
    }
}
