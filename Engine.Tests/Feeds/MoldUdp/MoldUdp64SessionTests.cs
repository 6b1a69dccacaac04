using Engine.Tests.Support;
using CsCheck;
using Engine.Tests.Feeds.Synthetic;
using Feeds;
using Feeds.MoldUdp;

namespace Engine.Tests.Feeds.MoldUdp;

public sealed class MoldUdp64SessionTests
{
    private const string Session = "SESSION001";

    private RecordingMessageHandler _handler = null!;
    private RecordingSink _sink = null!;
    private MoldUdp64Session _session = null!;

    [SetUp]
    public void SetUp()
    {
        _handler = new RecordingMessageHandler();
        _sink = new RecordingSink();
        _session = new MoldUdp64Session(_handler, _sink);
    }

    private static byte[][] Messages(int count, byte first = 1) =>
        Enumerable.Range(0, count).Select(i => new[] { (byte)(first + i), (byte)0xAA }).ToArray();

    [Test]
    public void Process_ConsecutivePackets_DeliverEveryMessageWithItsSequenceAndNoGap()
    {
        Assert.That(_session.Process(MoldUdp64PacketBuilder.Packet(Session, 1, Messages(2)), 0), Is.EqualTo(MoldUdp64PacketStatus.Delivered));
        Assert.That(_session.Process(MoldUdp64PacketBuilder.Packet(Session, 3, Messages(3, 3)), 0), Is.EqualTo(MoldUdp64PacketStatus.Delivered));

        Assert.That(_handler.Sequences, Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(_handler.Messages.Select(m => m.Message[0]), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        Assert.That(_session.Gaps, Is.Zero);
        Assert.That(_session.NextExpectedSequence, Is.EqualTo(6));
        Assert.That(_sink.Events, Is.Empty);
    }

    [Test]
    public void Process_FirstPacketPastOne_AnchorsTheStreamWithoutAGap()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 1000, Messages(1)), 0);

        Assert.That(_session.Gaps, Is.Zero);
        Assert.That(_session.NextExpectedSequence, Is.EqualTo(1001));
    }

    [Test]
    public void Process_SequenceJump_PublishesAGapEventBeforeTheMessagesAndCountsIt()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 1, Messages(2)), 0);

        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 10, Messages(1)), 55);

        Assert.That(_session.Gaps, Is.EqualTo(1));
        Assert.That(_session.MissingMessages, Is.EqualTo(7));
        var gap = _sink.Events.Single();
        Assert.That(gap.Kind, Is.EqualTo(MarketDataKind.FeedStatus));
        Assert.That((FeedStatus)gap.Status, Is.EqualTo(FeedStatus.Gap));
        Assert.That(gap.Sequence, Is.EqualTo(3));
        Assert.That(gap.Quantity, Is.EqualTo(7));
        Assert.That(gap.TsRecvNs, Is.EqualTo(55));
        Assert.That(_handler.Sequences, Is.EqualTo(new long[] { 1, 2, 10 }));
    }

    [Test]
    public void Process_HeartbeatAheadOfTheStream_RevealsTheGap()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 1, Messages(1)), 0);

        Assert.That(_session.Process(MoldUdp64PacketBuilder.Heartbeat(Session, 5), 0), Is.EqualTo(MoldUdp64PacketStatus.Heartbeat));

        Assert.That(_session.MissingMessages, Is.EqualTo(3));
        Assert.That(_session.NextExpectedSequence, Is.EqualTo(5));
    }

    [Test]
    public void Process_HeartbeatInStep_IsNoGap()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 1, Messages(1)), 0);

        _session.Process(MoldUdp64PacketBuilder.Heartbeat(Session, 2), 0);

        Assert.That(_session.Gaps, Is.Zero);
        Assert.That(_session.WithStatus(MoldUdp64PacketStatus.Heartbeat), Is.EqualTo(1));
    }

    [Test]
    public void Process_SamePacketTwice_SkipsTheSecondAsDuplicate()
    {
        var packet = MoldUdp64PacketBuilder.Packet(Session, 1, Messages(2));
        _session.Process(packet, 0);

        Assert.That(_session.Process(packet, 0), Is.EqualTo(MoldUdp64PacketStatus.Duplicate));

        Assert.That(_handler.Messages, Has.Count.EqualTo(2));
        Assert.That(_session.DuplicateMessages, Is.EqualTo(2));
    }

    [Test]
    public void Process_PacketOverlappingWhatWasDelivered_DeliversOnlyTheNewMessages()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 1, Messages(2)), 0);

        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 2, Messages(3, 2)), 0);

        Assert.That(_handler.Sequences, Is.EqualTo(new long[] { 1, 2, 3, 4 }));
        Assert.That(_session.DuplicateMessages, Is.EqualTo(1));
    }

    [Test]
    public void Process_EndOfSession_IsCountedAndDeliversNothing()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 1, Messages(1)), 0);

        Assert.That(_session.Process(MoldUdp64PacketBuilder.EndOfSession(Session, 2), 0), Is.EqualTo(MoldUdp64PacketStatus.EndOfSession));

        Assert.That(_handler.Messages, Has.Count.EqualTo(1));
        Assert.That(_session.Gaps, Is.Zero);
    }

    [Test]
    public void Process_NewSessionName_ResetsTheExpectedSequence()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 500, Messages(1)), 0);

        _session.Process(MoldUdp64PacketBuilder.Packet("SESSION002", 1, Messages(1)), 0);

        Assert.That(_session.SessionChanges, Is.EqualTo(1));
        Assert.That(_session.Gaps, Is.Zero);
        Assert.That(_handler.Sequences, Is.EqualTo(new long[] { 500, 1 }));
    }

    [Test]
    public void Process_SequenceZero_DeliversUnsequencedWithoutGapTracking()
    {
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 0, Messages(1)), 0);
        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 0, Messages(1)), 0);

        Assert.That(_handler.Sequences, Is.EqualTo(new long[] { 0, 0 }));
        Assert.That(_session.UnsequencedPackets, Is.EqualTo(2));
        Assert.That(_session.DuplicateMessages + _session.Gaps, Is.Zero);
    }

    [Test]
    public void Process_ShorterThanTheHeader_IsMalformed()
    {
        Assert.That(_session.Process(new byte[19], 0), Is.EqualTo(MoldUdp64PacketStatus.ShortHeader));
        Assert.That(_session.MalformedPackets, Is.EqualTo(1));
    }

    [Test]
    public void Process_BlockRunningPastTheEnd_DeliversTheWholeBlocksAndTheNextPacketShowsTheGap()
    {
        var packet = MoldUdp64PacketBuilder.Packet(Session, 1, Messages(3));
        Assert.That(_session.Process(packet.AsSpan(0, packet.Length - 1), 0), Is.EqualTo(MoldUdp64PacketStatus.TruncatedBlock));
        Assert.That(_handler.Sequences, Is.EqualTo(new long[] { 1, 2 }));

        _session.Process(MoldUdp64PacketBuilder.Packet(Session, 4, Messages(1)), 0);

        Assert.That(_session.MissingMessages, Is.EqualTo(1));
        Assert.That(_sink.Events.Single().Sequence, Is.EqualTo(3));
    }

    [Test]
    public void Process_CountLargerThanTheBlocks_IsTruncated()
    {
        var packet = MoldUdp64PacketBuilder.Packet(Session, 1, 5, Messages(2));

        Assert.That(_session.Process(packet, 0), Is.EqualTo(MoldUdp64PacketStatus.TruncatedBlock));
        Assert.That(_handler.Messages, Has.Count.EqualTo(2));
    }

    [Test]
    public void Process_BytesAfterTheLastBlock_AreTrailingBytes()
    {
        var packet = MoldUdp64PacketBuilder.Packet(Session, 1, Messages(1)).Concat(new byte[] { 9 }).ToArray();

        Assert.That(_session.Process(packet, 0), Is.EqualTo(MoldUdp64PacketStatus.TrailingBytes));
        Assert.That(_handler.Messages, Has.Count.EqualTo(1));
    }

    [Test]
    public void Process_RandomBytes_NeverThrowsAndCountsEveryPacket()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            Gen.Byte.Array[0, 120].Array[1, 5].Sample(packets =>
            {
                var session = new MoldUdp64Session(new RecordingMessageHandler(), new RecordingSink());
                foreach (var packet in packets)
                {
                    session.Process(packet, 0);
                }
                return session.Packets == packets.Length;
            });
        });
    }

    [Test]
    public void Process_TruncationsOfARealPacket_NeverThrowAndNeverDeliverAPartialBlock()
    {
        var packet = MoldUdp64PacketBuilder.Packet(Session, 1, Messages(4));
        for (int length = 0; length <= packet.Length; length++)
        {
            var handler = new RecordingMessageHandler();
            new MoldUdp64Session(handler, new RecordingSink()).Process(packet.AsSpan(0, length), 0);
            Assert.That(handler.Messages.All(m => m.Message.Length == 2), Is.True);
        }
    }

    [Test]
    public void Process_PacketsOutOfOrder_NeverDeliverASequenceTwiceOrBackwards()
    {
        Gen.Int[1, 5].Array[1, 12].Sample(counts =>
        {
            var packets = new List<byte[]>();
            ulong next = 1;
            foreach (int count in counts)
            {
                packets.Add(MoldUdp64PacketBuilder.Packet(Session, next, Messages(count)));
                next += (ulong)count;
            }
            var handler = new RecordingMessageHandler();
            var session = new MoldUdp64Session(handler, new RecordingSink());
            foreach (var packet in packets.Skip(1).Concat(packets).Reverse())
            {
                session.Process(packet, 0);
            }
            var sequences = handler.Sequences.ToList();
            return sequences.Distinct().Count() == sequences.Count
                && sequences.SequenceEqual(sequences.Order());
        });
    }

    [Test]
    public void Process_BuiltPackets_RoundTripEveryMessageInOrder()
    {
        Gen.Byte.Array[0, 60].Array[0, 20].Array[1, 6].Sample(packets =>
        {
            var handler = new RecordingMessageHandler();
            var session = new MoldUdp64Session(handler, new RecordingSink());
            ulong sequence = 1;
            foreach (var messages in packets)
            {
                session.Process(MoldUdp64PacketBuilder.Packet(Session, sequence, messages), 0);
                sequence += (ulong)messages.Length;
            }
            var sent = packets.SelectMany(m => m).ToList();
            return handler.Messages.Count == sent.Count
                && handler.Messages.Select(m => m.Message).Zip(sent).All(pair => pair.First.SequenceEqual(pair.Second))
                && handler.Sequences.SequenceEqual(Enumerable.Range(1, sent.Count).Select(i => (long)i))
                && session.Gaps == 0 && session.MalformedPackets == 0;
        });
    }
}
