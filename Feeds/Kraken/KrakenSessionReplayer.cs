namespace Feeds.Kraken;

/// <summary>
/// Replays a recorded session (<see cref="KrakenRecordedLine"/> format) through a
/// <see cref="KrakenBookDecoder"/>, exactly as the live transport would hand it the received messages.
/// </summary>
/// <remarks>
/// Sent lines are skipped; a connection-opened line invalidates every book
/// (<see cref="KrakenBookDecoder.InvalidateAll"/> with <see cref="FeedStatus.Connected"/>), as a live
/// reconnect does, until each pair's next snapshot. Lines are read through one buffer of
/// <c>maxLineBytes</c>; a longer line is counted in <see cref="OversizedLines"/> and skipped.
/// Single-threaded.
/// </remarks>
public sealed class KrakenSessionReplayer
{
    private readonly KrakenBookDecoder _decoder;
    private readonly byte[] _buffer;

    /// <summary>Creates a replayer feeding <paramref name="decoder"/>.</summary>
    public KrakenSessionReplayer(KrakenBookDecoder decoder, int maxLineBytes = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 16);
        _decoder = decoder;
        _buffer = new byte[maxLineBytes];
    }

    /// <summary>Lines read, of every kind.</summary>
    public long Lines { get; private set; }

    /// <summary>Received messages handed to the decoder.</summary>
    public long Received { get; private set; }

    /// <summary>Messages the client sent: skipped.</summary>
    public long Sent { get; private set; }

    /// <summary>Connection openings.</summary>
    public long Connections { get; private set; }

    /// <summary>Lines that were neither received, sent, connection nor blank.</summary>
    public long MalformedLines { get; private set; }

    /// <summary>Lines longer than the buffer: skipped.</summary>
    public long OversizedLines { get; private set; }

    /// <summary>Reads <paramref name="stream"/> to its end; tells <paramref name="observer"/> after each received message.</summary>
    public void Run(Stream stream, IKrakenReplayObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        int filled = 0;
        int scanned = 0;
        bool skippingOversized = false;
        while (true)
        {
            int read = stream.Read(_buffer, filled, _buffer.Length - filled);
            filled += read;
            int start = 0;
            int newline;
            while ((newline = _buffer.AsSpan(scanned, filled - scanned).IndexOf((byte)'\n')) >= 0)
            {
                int end = scanned + newline;
                if (!skippingOversized)
                {
                    ProcessLine(_buffer.AsSpan(start, end - start), observer);
                }
                skippingOversized = false;
                start = end + 1;
                scanned = start;
            }
            if (read == 0)
            {
                if (filled > start && !skippingOversized)
                {
                    ProcessLine(_buffer.AsSpan(start, filled - start), observer);
                }
                return;
            }
            if (start == 0 && filled == _buffer.Length)
            {
                // A line longer than the buffer: drop what we have and everything up to its end.
                if (!skippingOversized)
                {
                    Lines++;
                    OversizedLines++;
                }
                skippingOversized = true;
                filled = 0;
                scanned = 0;
                continue;
            }
            _buffer.AsSpan(start, filled - start).CopyTo(_buffer);
            filled -= start;
            scanned = filled;
        }
    }

    private void ProcessLine(ReadOnlySpan<byte> line, IKrakenReplayObserver? observer)
    {
        Lines++;
        switch (KrakenRecordedLine.Parse(line, out long tsRecvNs, out ReadOnlySpan<byte> json))
        {
            case RecordedLineKind.Received:
                Received++;
                KrakenDecodeResult result = _decoder.Decode(json, tsRecvNs);
                observer?.OnMessage(in result, tsRecvNs);
                break;
            case RecordedLineKind.Sent:
                Sent++;
                break;
            case RecordedLineKind.ConnectionOpened:
                Connections++;
                _decoder.InvalidateAll(FeedStatus.Connected, tsRecvNs);
                break;
            case RecordedLineKind.Malformed:
                MalformedLines++;
                break;
            default:
                break;
        }
    }
}
