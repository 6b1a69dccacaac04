using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

public sealed class AlpacaUrlPolicyTests
{
    [TestCase(AlpacaTradingMode.Paper, "https://paper-api.alpaca.markets/v2/orders", true)]
    [TestCase(AlpacaTradingMode.Paper, "http://127.0.0.1:5000/v2/orders", true)]
    [TestCase(AlpacaTradingMode.Paper, "http://127.8.9.1:5000/v2/orders", true)]
    [TestCase(AlpacaTradingMode.Paper, "http://paper-api.alpaca.markets/v2/orders", false)]
    [TestCase(AlpacaTradingMode.Live, "https://api.alpaca.markets/v2/orders", true)]
    [TestCase(AlpacaTradingMode.Live, "http://127.0.0.1:5000/v2/orders", false)]
    [TestCase(AlpacaTradingMode.Live, "http://api.alpaca.markets/v2/orders", false)]
    [TestCase(AlpacaTradingMode.Live, "https://user:secret@api.alpaca.markets/v2/orders", false)]
    public void MaySend_RequestUrl_FollowsTheModesRule(AlpacaTradingMode mode, string url, bool allowed) =>
        Assert.That(AlpacaUrlPolicy.MaySend(mode, new Uri(url)), Is.EqualTo(allowed));

    [Test]
    public void CheckBaseUrl_UserInformation_NeverRepeatsTheUrl() =>
        Assert.That(AlpacaUrlPolicy.CheckBaseUrl(AlpacaTradingMode.Paper, "https://PKKEY:s3cr3t@paper-api.alpaca.markets"),
            Does.Not.Contain("s3cr3t").And.Contains("user information"));
}
