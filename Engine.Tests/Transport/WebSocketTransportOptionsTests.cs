using Feeds.Transport;

namespace Engine.Tests.Transport;

public sealed class WebSocketTransportOptionsTests
{
    private static List<string> Problems(WebSocketTransportOptions options)
    {
        var errors = new List<string>();
        options.Validate("feeds.x.transport", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_AreValid()
    {
        Assert.That(Problems(new WebSocketTransportOptions()), Is.Empty);
    }

    [Test]
    public void Validate_StaleTimeoutZero_IsValidAndMeansOff()
    {
        Assert.That(Problems(new WebSocketTransportOptions { StaleTimeoutMs = 0 }), Is.Empty);
    }

    [Test]
    public void Validate_EveryBadValue_IsReportedWithItsKeyPath()
    {
        var options = new WebSocketTransportOptions
        {
            ConnectTimeoutMs = 5,
            ReconnectInitialDelayMs = 0,
            ReconnectMaxDelayMs = 700_000,
            MaxConsecutiveFailures = -1,
            StaleTimeoutMs = 3,
            KeepAliveIntervalMs = -1,
        };

        var problems = Problems(options);

        Assert.That(problems, Has.Count.EqualTo(6));
        Assert.That(problems, Has.Some.StartsWith("feeds.x.transport.connectTimeoutMs: 5"));
        Assert.That(problems, Has.Some.StartsWith("feeds.x.transport.reconnectInitialDelayMs: 0"));
        Assert.That(problems, Has.Some.StartsWith("feeds.x.transport.reconnectMaxDelayMs: 700000"));
        Assert.That(problems, Has.Some.StartsWith("feeds.x.transport.maxConsecutiveFailures: -1"));
        Assert.That(problems, Has.Some.StartsWith("feeds.x.transport.staleTimeoutMs: 3"));
        Assert.That(problems, Has.Some.StartsWith("feeds.x.transport.keepAliveIntervalMs: -1"));
    }

    [Test]
    public void Validate_MaxDelayBelowInitialDelay_IsReported()
    {
        var problems = Problems(new WebSocketTransportOptions { ReconnectInitialDelayMs = 1_000, ReconnectMaxDelayMs = 999 });

        Assert.That(problems, Has.One.StartsWith("feeds.x.transport.reconnectMaxDelayMs: 999"));
    }

    [TestCase(5, 15_000)]
    [TestCase(100, 0)]
    public void Validate_KeepAliveTimeoutTooShortOrWithoutKeepAlives_IsRefused(int timeoutMs, int intervalMs)
    {
        var problems = new List<string>();

        new WebSocketTransportOptions { KeepAliveTimeoutMs = timeoutMs, KeepAliveIntervalMs = intervalMs }.Validate("feeds.x.transport", problems);

        Assert.That(problems, Has.One.StartsWith($"feeds.x.transport.keepAliveTimeoutMs: {timeoutMs}"));
    }

    [Test]
    public void Validate_TrustedRootNotAFile_IsReportedWithItsKeyPath()
    {
        var problems = Problems(new WebSocketTransportOptions { TrustedRootCertificatePath = "/no/such/root.pem" });

        Assert.That(problems, Is.EqualTo(new[] { "feeds.x.transport.trustedRootCertificatePath: '/no/such/root.pem' is not a file" }));
    }

    [Test]
    public void Validate_TrustedRootNull_IsReported()
    {
        var problems = Problems(new WebSocketTransportOptions { TrustedRootCertificatePath = null! });

        Assert.That(problems, Has.One.StartsWith("feeds.x.transport.trustedRootCertificatePath: must be a string"));
    }

    [Test]
    public void Validate_TrustedRootAnExistingFile_IsValid()
    {
        string path = Path.GetTempFileName();
        try
        {
            Assert.That(Problems(new WebSocketTransportOptions { TrustedRootCertificatePath = path }), Is.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
