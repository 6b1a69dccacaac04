using Engine.Tests.Feeds.Synthetic;
using Engine.Tests.SoupBin;
using Engine.Tests.Support;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;
using Feeds.SoupBin;

namespace Engine.Tests.Oracles;

/// <summary>
/// Live delivery end to end: the RITCH sample's 12,012 messages served by a loopback SoupBinTCP
/// server, with the connection dropped part-way, decode to exactly the oracle's counts.
/// </summary>
public sealed class ItchOverSoupBinOracleTests
{
    [Test]
    public async Task SoupBinClient_RitchSampleWithADroppedConnection_DecodesExactlyTheOracleCounts()
    {
        var messages = SplitBinaryFile(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root(), "testdata", "itch50", "ex20101224.TEST_ITCH_50")));
        await using var server = new LoopbackSoupBinServer(messages, "itch", "password") { DropFirstConnectionAfter = 5_000 };
        var sink = new RecordingSink();
        var decoder = new ItchDecoder(new InstrumentTable(16), sink);
        var options = new SoupBinOptions
        {
            Port = server.Port,
            ReconnectInitialDelayMs = 10,
            UsernameVariable = "TEST_ITCH_SOUPBIN_USER",
            PasswordVariable = "TEST_ITCH_SOUPBIN_PASSWORD",
        };
        Environment.SetEnvironmentVariable(options.UsernameVariable, "itch");
        Environment.SetEnvironmentVariable(options.PasswordVariable, "password");
        var client = new SoupBinClient(options, SoupBinCredentials.FromEnvironment(options), new ItchSoupBinHandler(decoder, sink));

        using var cancel = new CancellationTokenSource(TestTimeouts.LongRun);
        var end = await client.RunAsync(cancel.Token);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(end, Is.EqualTo(SoupBinSessionEvent.EndOfSession));
            Assert.That(messages, Has.Count.EqualTo(12_012));
            Assert.That(decoder.Counters.Decoded, Is.EqualTo(12_012));
            Assert.That(decoder.Counters.Malformed, Is.Zero);
            Assert.That(decoder.Counters.OfType(ItchMessageType.AddOrder), Is.EqualTo(4_997));
            Assert.That(decoder.Counters.OfType(ItchMessageType.Trade), Is.EqualTo(5_000));
            Assert.That(decoder.Counters.OfType(ItchMessageType.OrderDelete), Is.EqualTo(1_745));
            Assert.That(client.Reconnects, Is.EqualTo(1));
            Assert.That(server.RequestedSequences, Is.EqualTo(new long[] { 1, 5_001 }));
            Assert.That(sink.Events.Count(e => e.Kind == MarketDataKind.FeedStatus && e.Status == (byte)FeedStatus.Connected), Is.EqualTo(2));
        }
    }

    /// <summary>The file's frames as separate messages; its length prefixes are all zero, so the type gives the length.</summary>
    private static List<byte[]> SplitBinaryFile(byte[] file)
    {
        var messages = new List<byte[]>();
        for (int offset = 0; offset + 3 <= file.Length;)
        {
            int length = ItchLayout.MessageLength(file[offset + 2]);
            messages.Add(file.AsSpan(offset + 2, length).ToArray());
            offset += 2 + length;
        }
        return messages;
    }
}
