using Feeds.Alpaca;

namespace Engine.Tests.Alpaca;

public sealed class AlpacaStreamOptionsTests
{
    private static List<string> Problems(AlpacaStreamOptions options)
    {
        var errors = new List<string>();
        options.Validate("feeds.alpaca", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_AreValid()
    {
        var options = new AlpacaStreamOptions();

        Assert.That(Problems(options), Is.Empty);
        Assert.That(options.Url, Is.EqualTo("wss://stream.data.alpaca.markets/v2/iex"));
        Assert.That(options.KeyIdVariable, Is.EqualTo("APCA_API_KEY_ID"));
        Assert.That(options.SecretKeyVariable, Is.EqualTo("APCA_API_SECRET_KEY"));
    }

    [Test]
    public void Validate_PlainWsToTheRealHost_IsRefused()
    {
        var problems = Problems(new AlpacaStreamOptions { Url = "ws://stream.data.alpaca.markets/v2/iex" });

        Assert.That(problems, Has.One.StartsWith("feeds.alpaca.url:").And.Contains("not loopback"));
    }

    [Test]
    public void Validate_EveryBadValue_IsReportedWithItsKeyPath()
    {
        var options = new AlpacaStreamOptions
        {
            KeyIdVariable = "1BAD",
            SecretKeyVariable = "HAS SPACE",
            Trades = ["AAPL", ""],
            Quotes = ["has \"quote\""],
            Transport = new() { StaleTimeoutMs = -5 },
        };

        var problems = Problems(options);

        Assert.That(problems, Has.Count.EqualTo(5));
        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.keyIdVariable: '1BAD'"));
        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.secretKeyVariable: 'HAS SPACE'"));
        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.trades[1]:"));
        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.quotes[0]:"));
        Assert.That(problems, Has.Some.StartsWith("feeds.alpaca.transport.staleTimeoutMs: -5"));
    }

    [Test]
    public void Validate_SameVariableForKeyAndSecret_IsRefused()
    {
        var problems = Problems(new AlpacaStreamOptions { SecretKeyVariable = "APCA_API_KEY_ID" });

        Assert.That(problems, Has.One.StartsWith("feeds.alpaca.secretKeyVariable:"));
    }
}
