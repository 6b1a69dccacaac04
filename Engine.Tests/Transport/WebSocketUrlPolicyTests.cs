using Feeds.Transport;

namespace Engine.Tests.Transport;

public sealed class WebSocketUrlPolicyTests
{
    [TestCase("wss://stream.data.alpaca.markets/v2/iex")]
    [TestCase("wss://10.0.0.5:9443/feed")]
    [TestCase("ws://127.0.0.1:5000/v2/iex")]
    [TestCase("ws://127.45.6.7/")]
    [TestCase("ws://localhost:8080/")]
    [TestCase("ws://LOCALHOST/")]
    [TestCase("ws://[::1]:8080/")]
    [TestCase("ws://[::ffff:127.0.0.1]/")]
    public void Check_AllowedUrl_ReturnsNull(string url)
    {
        Assert.That(WebSocketUrlPolicy.Check(url), Is.Null);
    }

    [TestCase("ws://stream.data.alpaca.markets/v2/iex", "not loopback")]
    [TestCase("ws://10.0.0.5/", "not loopback")]
    [TestCase("ws://128.0.0.1/", "not loopback")]
    [TestCase("ws://localhost.example.com/", "not loopback")]
    [TestCase("ws://[::2]/", "not loopback")]
    [TestCase("https://stream.example.com/", "scheme 'https'")]
    [TestCase("stream.example.com/v2", "not an absolute URL")]
    [TestCase("", "empty")]
    [TestCase("   ", "empty")]
    public void Check_RefusedUrl_SaysWhy(string url, string why)
    {
        Assert.That(WebSocketUrlPolicy.Check(url), Does.Contain(why));
    }

    [Test]
    public void Check_UrlWithUserInformation_IsRefusedWithoutRepeatingIt()
    {
        string? problem = WebSocketUrlPolicy.Check("wss://key:hunter2@stream.example.com/");

        Assert.That(problem, Does.Contain("environment variables"));
        Assert.That(problem, Does.Not.Contain("hunter2"));
    }
}
