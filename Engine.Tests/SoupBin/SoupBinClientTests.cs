using System.Text;
using Engine.Tests.Support;
using Feeds.SoupBin;

namespace Engine.Tests.SoupBin;

public sealed class SoupBinClientTests
{
    private const string User = "trader";
    private const string Password = "s3cretpw";

    [Test]
    public async Task RunAsync_LoginThenStream_DeliversEveryMessageInOrderThenEnds()
    {
        var messages = Messages(1_000);
        await using var server = new LoopbackSoupBinServer(messages, User, Password);
        var handler = new RecordingSoupBinHandler();
        var client = NewClient(server, handler);

        var end = await RunBounded(client);

        Assert.That(end, Is.EqualTo(SoupBinSessionEvent.EndOfSession));
        AssertDeliveredExactlyOnce(handler, messages);
        Assert.That(handler.Events.Select(e => e.Event), Does.Contain(SoupBinSessionEvent.LoggedIn));
        Assert.That(server.RequestedSequences, Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task RunAsync_ConnectionDroppedMidStream_ResumesFromNextSequenceWithoutLossOrDuplicates()
    {
        var messages = Messages(1_000);
        await using var server = new LoopbackSoupBinServer(messages, User, Password) { DropFirstConnectionAfter = 300 };
        var handler = new RecordingSoupBinHandler();
        var client = NewClient(server, handler);

        var end = await RunBounded(client);

        Assert.That(end, Is.EqualTo(SoupBinSessionEvent.EndOfSession));
        AssertDeliveredExactlyOnce(handler, messages);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(client.Reconnects, Is.EqualTo(1));
            Assert.That(server.RequestedSequences, Is.EqualTo(new long[] { 1, 301 }));
        }
    }

    [Test]
    public async Task RunAsync_ServerSilentPastTimeout_ReconnectsAndResumes()
    {
        var messages = Messages(50);
        await using var server = new LoopbackSoupBinServer(messages, User, Password) { SilentOnFirstConnection = true };
        var handler = new RecordingSoupBinHandler();
        var client = NewClient(server, handler, options => options with { HeartbeatIntervalMs = 20, ServerTimeoutMs = 300 });

        var end = await RunBounded(client);

        Assert.That(end, Is.EqualTo(SoupBinSessionEvent.EndOfSession));
        AssertDeliveredExactlyOnce(handler, messages);
        Assert.That(handler.Events.Where(e => e.Event == SoupBinSessionEvent.Disconnected).Select(e => e.Detail), Has.Some.Contains("no packet from the server"));
    }

    [Test]
    public async Task RunAsync_IdleSession_ClientSendsHeartbeatsAndLogsOutOnCancel()
    {
        await using var server = new LoopbackSoupBinServer(Messages(0), User, Password) { EndSessionWhenDone = false };
        var client = NewClient(server, new RecordingSoupBinHandler(), options => options with { HeartbeatIntervalMs = 20 });
        using var cancel = new CancellationTokenSource();

        var run = client.RunAsync(cancel.Token);
        Eventually.Until(() => server.ClientPackets.Count(p => p == 'R') >= 3, TestTimeouts.Join, "the client has sent three heartbeats");
        Eventually.Until(() => client.ServerHeartbeats >= 3, TestTimeouts.Join, "the client has counted three server heartbeats");
        await cancel.CancelAsync();
        await run.WaitAsync(TestTimeouts.Join);

        Eventually.Until(() => server.ClientPackets.Contains('O'), TestTimeouts.Join, "the server has received the logout");
    }

    [Test]
    public async Task RunAsync_WrongPassword_StopsWithLoginRejectedAndDoesNotRetry()
    {
        await using var server = new LoopbackSoupBinServer(Messages(10), User, Password);
        var handler = new RecordingSoupBinHandler();
        var client = NewClient(server, handler, password: "wrongpw");

        var end = await RunBounded(client);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(end, Is.EqualTo(SoupBinSessionEvent.LoginRejected));
            Assert.That(handler.Events.Single(e => e.Event == SoupBinSessionEvent.LoginRejected).Detail, Does.Contain("not authorized"));
            Assert.That(server.RequestedSequences, Has.Count.EqualTo(1));
            Assert.That(handler.Messages, Is.Empty);
        }
    }

    [Test]
    public async Task RunAsync_UnknownPacketType_IsCountedAndTheStreamGoesOn()
    {
        var messages = Messages(100);
        await using var server = new LoopbackSoupBinServer(messages, User, Password) { JunkBeforeMessage = 40 };
        var handler = new RecordingSoupBinHandler();
        var client = NewClient(server, handler);

        await RunBounded(client);

        AssertDeliveredExactlyOnce(handler, messages);
        Assert.That(client.MalformedPackets, Is.EqualTo(1));
        Assert.That(handler.Events.Single(e => e.Event == SoupBinSessionEvent.MalformedPacket).Detail, Does.Contain("0x51"));
    }

    [Test]
    public async Task RunAsync_PacketsSplitIntoSingleBytes_AreReassembled()
    {
        var messages = Messages(64);
        await using var server = new LoopbackSoupBinServer(messages, User, Password) { WriteByteByByte = true };
        var handler = new RecordingSoupBinHandler();

        await RunBounded(NewClient(server, handler));

        AssertDeliveredExactlyOnce(handler, messages);
    }

    [Test]
    public void FromEnvironment_BlankPassword_IsRefusedNamingTheVariableOnly()
    {
        var options = Credentials(new SoupBinOptions(), User, "   ");

        var error = Assert.Throws<InvalidOperationException>(() => SoupBinCredentials.FromEnvironment(options));

        Assert.That(error!.Message, Does.Contain(options.PasswordVariable));
    }

    [Test]
    public void FromEnvironment_TooLongUsername_IsRefusedWithoutEchoingIt()
    {
        var options = Credentials(new SoupBinOptions(), "far-too-long-name", Password);

        var error = Assert.Throws<InvalidOperationException>(() => SoupBinCredentials.FromEnvironment(options));

        Assert.That(error!.Message, Does.Not.Contain("far-too-long-name"));
        Assert.That(SoupBinCredentials.FromEnvironment(Credentials(new SoupBinOptions(), User, Password)).ToString(), Does.Not.Contain(Password));
    }

    [Test]
    public void Validate_BadValues_ReportsEveryKey()
    {
        var options = new SoupBinOptions { Host = "", Port = 0, Session = "ELEVENCHARS", FirstSequence = -1, HeartbeatIntervalMs = 20_000, ReconnectInitialDelayMs = 0 };
        var errors = new List<string>();

        options.Validate("feeds.soupbin", errors);

        Assert.That(errors, Has.Count.EqualTo(6));
        Assert.That(errors, Has.Some.StartsWith("feeds.soupbin.port"));
    }

    [Test]
    public void Validate_Defaults_AreValid()
    {
        var errors = new List<string>();

        new SoupBinOptions().Validate("feeds.soupbin", errors);

        Assert.That(errors, Is.Empty);
    }

    private static List<byte[]> Messages(int count) =>
        Enumerable.Range(1, count).Select(i => Encoding.ASCII.GetBytes($"message-{i:D6}-" + new string('x', i % 50))).ToList();

    private static void AssertDeliveredExactlyOnce(RecordingSoupBinHandler handler, List<byte[]> messages)
    {
        var delivered = handler.Messages.ToArray();
        Assert.That(delivered.Select(m => m.Sequence), Is.EqualTo(Enumerable.Range(1, messages.Count).Select(i => (long)i)));
        for (int i = 0; i < messages.Count; i++)
        {
            Assert.That(delivered[i].Message, Is.EqualTo(messages[i]), $"message {i + 1}");
        }
    }

    private static SoupBinClient NewClient(LoopbackSoupBinServer server, RecordingSoupBinHandler handler, Func<SoupBinOptions, SoupBinOptions>? tune = null, string? password = null)
    {
        var options = new SoupBinOptions { Port = server.Port, ReconnectInitialDelayMs = 10, ReconnectMaxDelayMs = 100 };
        options = Credentials(tune?.Invoke(options) ?? options, server.Username, password ?? server.Password);
        return new SoupBinClient(options, SoupBinCredentials.FromEnvironment(options), handler);
    }

    /// <summary>Points the options at fresh, test-private environment variables holding these values.</summary>
    private static SoupBinOptions Credentials(SoupBinOptions options, string user, string password)
    {
        string suffix = Guid.NewGuid().ToString("N");
        var named = options with { UsernameVariable = $"TEST_SOUPBIN_USER_{suffix}", PasswordVariable = $"TEST_SOUPBIN_PASSWORD_{suffix}" };
        Environment.SetEnvironmentVariable(named.UsernameVariable, user);
        Environment.SetEnvironmentVariable(named.PasswordVariable, password);
        return named;
    }

    private static async Task<SoupBinSessionEvent> RunBounded(SoupBinClient client)
    {
        using var cancel = new CancellationTokenSource(TestTimeouts.Join);
        return await client.RunAsync(cancel.Token).WaitAsync(TestTimeouts.LongRun);
    }
}
