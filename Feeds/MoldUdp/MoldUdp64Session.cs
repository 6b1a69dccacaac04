namespace Feeds.MoldUdp;

/// <summary>
/// Follows one MoldUDP64 stream: unpacks each packet's message blocks into an
/// <see cref="IMoldUdp64MessageHandler"/> with their sequence numbers, drops messages already
/// delivered, and detects sequence gaps.
/// </summary>
/// <remarks>
/// <para>The first sequenced packet anchors the stream (joining late is no gap). After that, a packet
/// whose sequence is past the next expected one is a gap: counted (<see cref="Gaps"/>,
/// <see cref="MissingMessages"/>) and published to the sink as a <see cref="MarketDataKind.FeedStatus"/>
/// event with status <see cref="FeedStatus.Gap"/>, <c>Sequence</c> the first missing number,
/// <c>Quantity</c> how many are missing and <c>InstrumentId</c> -1 (the whole feed), before the
/// packet's messages. Heartbeats reveal gaps too. Messages below the next expected number (a
/// retransmission, the other line of an A/B pair) are skipped and counted.</para>
/// <para>Sequence 0 never occurs in a real session, whose numbering starts at 1; test captures such as
/// the Open Markets Initiative vectors use it in every packet, so a packet with sequence 0 is
/// delivered whole with sequence 0, outside gap tracking (<see cref="UnsequencedPackets"/>).</para>
/// <para>A new session name resets the expected sequence (<see cref="SessionChanges"/>). Malformed
/// packets are counted per <see cref="MoldUdp64PacketStatus"/>; their whole blocks are delivered and
/// the lost ones show up as a gap at the next packet. One thread; allocates nothing per packet.</para>
/// </remarks>
public sealed class MoldUdp64Session
{
    private readonly IMoldUdp64MessageHandler _handler;
    private readonly IMarketDataSink _sink;
    private readonly byte[] _session = new byte[MoldUdp64Layout.SessionLength];
    private readonly long[] _byStatus = new long[Enum.GetValues<MoldUdp64PacketStatus>().Length];
    private bool _hasSession;
    private long _nextExpected;

    /// <summary>Creates a session that delivers messages to <paramref name="handler"/> and gap events to <paramref name="sink"/>.</summary>
    public MoldUdp64Session(IMoldUdp64MessageHandler handler, IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(sink);
        _handler = handler;
        _sink = sink;
    }

    /// <summary>Packets processed.</summary>
    public long Packets { get; private set; }

    /// <summary>Messages delivered to the handler.</summary>
    public long Messages { get; private set; }

    /// <summary>Sequence gaps detected.</summary>
    public long Gaps { get; private set; }

    /// <summary>Messages missing across all gaps.</summary>
    public long MissingMessages { get; private set; }

    /// <summary>Messages skipped because they were delivered before.</summary>
    public long DuplicateMessages { get; private set; }

    /// <summary>Packets with sequence 0, delivered outside gap tracking.</summary>
    public long UnsequencedPackets { get; private set; }

    /// <summary>Times the session name changed.</summary>
    public long SessionChanges { get; private set; }

    /// <summary>Malformed packets (short header, truncated block, trailing bytes).</summary>
    public long MalformedPackets =>
        WithStatus(MoldUdp64PacketStatus.ShortHeader) + WithStatus(MoldUdp64PacketStatus.TruncatedBlock) + WithStatus(MoldUdp64PacketStatus.TrailingBytes);

    /// <summary>The sequence number expected next; 0 before the first sequenced packet.</summary>
    public long NextExpectedSequence => _nextExpected;

    /// <summary>Packets that ended with <paramref name="status"/>.</summary>
    public long WithStatus(MoldUdp64PacketStatus status) => _byStatus[(int)status];

    /// <summary>Processes one packet (a UDP payload); never throws on its content.</summary>
    public MoldUdp64PacketStatus Process(ReadOnlySpan<byte> packet, long tsRecvNs)
    {
        Packets++;
        var status = MoldUdp64PacketReader.TryCreate(packet, out var reader)
            ? Unpack(ref reader, tsRecvNs)
            : MoldUdp64PacketStatus.ShortHeader;
        _byStatus[(int)status]++;
        return status;
    }

    private MoldUdp64PacketStatus Unpack(ref MoldUdp64PacketReader reader, long tsRecvNs)
    {
        CheckSession(reader.Session);
        long sequence = (long)reader.SequenceNumber;
        bool sequenced = sequence != 0;
        if (!sequenced)
        {
            UnsequencedPackets++;
        }
        else if (_nextExpected == 0)
        {
            _nextExpected = sequence;
        }
        else if (sequence > _nextExpected)
        {
            ReportGap(sequence, tsRecvNs);
        }
        if (reader.IsEndOfSession)
        {
            return MoldUdp64PacketStatus.EndOfSession;
        }

        int delivered = 0;
        int index = 0;
        while (reader.TryReadNext(out var message))
        {
            long messageSequence = sequenced ? sequence + index : 0;
            index++;
            if (sequenced && messageSequence < _nextExpected)
            {
                DuplicateMessages++;
                continue;
            }
            _handler.OnMessage(message, messageSequence, tsRecvNs);
            delivered++;
            Messages++;
            if (sequenced)
            {
                _nextExpected = messageSequence + 1;
            }
        }

        if (index < reader.MessageCount)
        {
            return MoldUdp64PacketStatus.TruncatedBlock;
        }
        if (reader.RemainingBytes > 0)
        {
            return MoldUdp64PacketStatus.TrailingBytes;
        }
        if (reader.MessageCount == 0)
        {
            return MoldUdp64PacketStatus.Heartbeat;
        }
        return delivered == 0 ? MoldUdp64PacketStatus.Duplicate : MoldUdp64PacketStatus.Delivered;
    }

    private void CheckSession(ReadOnlySpan<byte> session)
    {
        if (_hasSession && session.SequenceEqual(_session))
        {
            return;
        }
        if (_hasSession)
        {
            SessionChanges++;
            _nextExpected = 0;
        }
        session.CopyTo(_session);
        _hasSession = true;
    }

    private void ReportGap(long sequence, long tsRecvNs)
    {
        long missing = sequence - _nextExpected;
        Gaps++;
        MissingMessages += missing;
        var gap = new MarketDataEvent
        {
            Kind = MarketDataKind.FeedStatus,
            Status = (byte)FeedStatus.Gap,
            Sequence = _nextExpected,
            Quantity = missing,
            InstrumentId = -1,
            TsRecvNs = tsRecvNs,
            EndOfMessage = true,
        };
        _sink.Publish(in gap);
        _nextExpected = sequence;
    }
}
