using System.Text;
using Feeds.Instruments;

namespace Feeds.Kraken;

/// <summary>
/// Decodes Kraken WebSocket v1 messages of the <c>book</c> channel: keeps one <see cref="KrakenBook"/>
/// per pair, verifies the CRC32 checksum of every update, and publishes the changes as
/// <see cref="MarketDataKind.ClearBook"/> and <see cref="MarketDataKind.LevelSet"/> events.
/// </summary>
/// <remarks>
/// <para>A snapshot publishes ClearBook (both sides) and one LevelSet per level kept; an update one
/// LevelSet per level it changed (quantity 0 removes it) and per level it pushed below the subscribed
/// depth. The last event of a message has <see cref="MarketDataEvent.EndOfMessage"/> set.</para>
/// <para>A checksum mismatch (or an update the decoder cannot apply exactly) invalidates the pair's
/// book: it is counted, a <see cref="FeedStatus.Resync"/> event is published, and
/// <see cref="IKrakenResubscriber.RequestResubscribe"/> is called. Updates to an invalid book are
/// ignored until the next snapshot makes it valid again.</para>
/// <para>Price scale: a pair already in the instrument table keeps its <see cref="Instrument.PriceDecimals"/>;
/// a new pair is added on its first snapshot with the most decimals any of the snapshot's prices has
/// (Kraken sends each pair's prices with a fixed number of decimals). A later price that needs more
/// decimals than the scale has rejects its message (<see cref="KrakenRejectReason.PriceScale"/>).
/// Volumes are in units of 10^-8 (<see cref="KrakenBook.VolumeDecimals"/>).</para>
/// <para>Bad input is counted per <see cref="KrakenRejectReason"/> and never thrown. Single-threaded:
/// call everything from the feed's one decoding thread. After a pair's first snapshot, decoding
/// allocates nothing.</para>
/// </remarks>
public sealed class KrakenBookDecoder
{
    private const string Venue = "KRAKEN";
    private const int MaxPairBytes = 32;

    private readonly InstrumentTable _instruments;
    private readonly IMarketDataSink _sink;
    private readonly IKrakenResubscriber? _resubscriber;
    private readonly KrakenDecoderOptions _options;
    private readonly KrakenMessageParser _parser;
    private readonly KrakenBook?[] _books;
    private MarketDataEvent _pending; // held back one event so the last of a message can be marked
    private bool _hasPending;

    /// <summary>Creates a decoder publishing into <paramref name="sink"/>.</summary>
    /// <param name="instruments">Pairs map to ids here; new pairs are added on their first snapshot.</param>
    /// <param name="sink">Receives the events, on the decoding thread.</param>
    /// <param name="resubscriber">Told when a pair needs a fresh snapshot; null when nobody can act on it (a replay).</param>
    /// <param name="options">Array sizes; null for the defaults.</param>
    public KrakenBookDecoder(InstrumentTable instruments, IMarketDataSink sink, IKrakenResubscriber? resubscriber = null, KrakenDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(sink);
        _options = options ?? new KrakenDecoderOptions();
        _options.Validate();
        _instruments = instruments;
        _sink = sink;
        _resubscriber = resubscriber;
        _parser = new KrakenMessageParser(_options.MaxLevelsPerMessage, _options.MaxDepth);
        _books = new KrakenBook?[instruments.Capacity];
    }

    /// <summary>What the decoder has seen so far.</summary>
    public KrakenDecoderCounters Counters { get; } = new();

    /// <summary>The book of instrument <paramref name="instrumentId"/>, or null before its first snapshot.</summary>
    public KrakenBook? Book(int instrumentId) => (uint)instrumentId < (uint)_books.Length ? _books[instrumentId] : null;

    /// <summary>Decodes and applies one message (one WebSocket text frame, UTF-8).</summary>
    /// <param name="message">The message; only read during the call.</param>
    /// <param name="tsRecvNs">When it was received; copied into every event published.</param>
    public KrakenDecodeResult Decode(ReadOnlySpan<byte> message, long tsRecvNs)
    {
        Counters.Messages++;
        KrakenRejectReason reason = _parser.Parse(message, out KrakenMessageKind kind);
        if (reason != KrakenRejectReason.None)
        {
            return Reject(kind, reason, -1);
        }
        switch (kind)
        {
            case KrakenMessageKind.Snapshot:
                return ApplySnapshot(message.Slice(_parser.PairStart, _parser.PairLength), tsRecvNs);
            case KrakenMessageKind.Update:
                Counters.Updates++;
                return ApplyUpdate(message.Slice(_parser.PairStart, _parser.PairLength), tsRecvNs);
            case KrakenMessageKind.Heartbeat:
                Counters.Heartbeats++;
                break;
            case KrakenMessageKind.SystemStatus:
                Counters.SystemStatus++;
                break;
            case KrakenMessageKind.SubscriptionStatus:
                Counters.SubscriptionStatus++;
                break;
            case KrakenMessageKind.OtherChannel:
                Counters.OtherChannels++;
                break;
            default:
                Counters.OtherEvents++;
                break;
        }
        return new KrakenDecodeResult(kind, KrakenRejectReason.None, -1, ChecksumFailed: false);
    }

    /// <summary>
    /// Marks every valid book invalid and publishes <paramref name="status"/> for each, without asking
    /// for resubscription: for the transport when the connection drops or goes stale (it resubscribes
    /// everything after reconnecting, and each book is valid again from its snapshot).
    /// </summary>
    public void InvalidateAll(FeedStatus status, long tsRecvNs)
    {
        foreach (KrakenBook? book in _books)
        {
            if (book is { IsValid: true })
            {
                book.IsValid = false;
                PublishFeedStatus(book, status, tsRecvNs);
                Flush();
            }
        }
    }

    /// <summary>
    /// Publishes <paramref name="status"/> for every book the decoder holds, valid or not, without
    /// changing any: for the session to say the feed is streaming again (<see cref="FeedStatus.Connected"/>).
    /// </summary>
    public void ReportFeedStatus(FeedStatus status, long tsRecvNs)
    {
        foreach (KrakenBook? book in _books)
        {
            if (book is not null)
            {
                PublishFeedStatus(book, status, tsRecvNs);
                Flush();
            }
        }
    }

    private KrakenDecodeResult ApplySnapshot(ReadOnlySpan<byte> pair, long tsRecvNs)
    {
        if (!IsValidPair(pair))
        {
            return Reject(KrakenMessageKind.Snapshot, KrakenRejectReason.BadPair, -1);
        }
        Span<KrakenEntry> entries = _parser.Entries;
        if (!_instruments.TryGetIdAscii(pair, out int id))
        {
            Instrument? added = _instruments.GetOrAdd(Encoding.ASCII.GetString(pair), MaxPriceDecimals(entries), venue: Venue);
            if (added is null || added.Id >= _books.Length)
            {
                return Reject(KrakenMessageKind.Snapshot, KrakenRejectReason.UnknownPair, -1);
            }
            id = added.Id;
        }
        KrakenBook book = _books[id] ??= new KrakenBook(_instruments[id], _options.MaxDepth + _options.MaxLevelsPerMessage);
        if (!TryScale(entries, book.PriceDecimals))
        {
            if (book.IsValid)
            {
                Invalidate(book, tsRecvNs); // the venue's book moved on without us
            }
            return Reject(KrakenMessageKind.Snapshot, KrakenRejectReason.PriceScale, id);
        }
        book.Bids.Clear();
        book.Asks.Clear();
        book.Depth = _parser.Depth;
        long tsEventNs = 0;
        foreach (ref readonly KrakenEntry entry in entries)
        {
            tsEventNs = Math.Max(tsEventNs, entry.TsEventNs);
            if (entry.Level.Quantity != 0)
            {
                book.SideOf(entry.Side).Set(entry.Level);
            }
        }
        while (book.Bids.TryTruncateOne(book.Depth, out _) || book.Asks.TryTruncateOne(book.Depth, out _))
        {
            Counters.LevelsTruncated++;
        }
        book.IsValid = true;
        Counters.Snapshots++;

        Emit(MarketDataKind.ClearBook, id, Side.None, 0, 0, tsEventNs, tsRecvNs);
        EmitSide(book.Bids, id, tsEventNs, tsRecvNs);
        EmitSide(book.Asks, id, tsEventNs, tsRecvNs);
        Flush();
        book.AssertInvariants();
        return new KrakenDecodeResult(KrakenMessageKind.Snapshot, KrakenRejectReason.None, id, ChecksumFailed: false);
    }

    private KrakenDecodeResult ApplyUpdate(ReadOnlySpan<byte> pair, long tsRecvNs)
    {
        if (!_instruments.TryGetIdAscii(pair, out int id))
        {
            return Reject(KrakenMessageKind.Update, KrakenRejectReason.BookNotReady, -1);
        }
        if (_books[id] is not { IsValid: true } book)
        {
            return Reject(KrakenMessageKind.Update, KrakenRejectReason.BookNotReady, id);
        }
        Span<KrakenEntry> entries = _parser.Entries;
        if (!TryScale(entries, book.PriceDecimals))
        {
            // The update cannot be applied exactly, so the book no longer follows the venue's.
            Invalidate(book, tsRecvNs);
            return Reject(KrakenMessageKind.Update, KrakenRejectReason.PriceScale, id);
        }
        long tsEventNs = 0;
        foreach (ref readonly KrakenEntry entry in entries)
        {
            tsEventNs = Math.Max(tsEventNs, entry.TsEventNs);
            KrakenBookSide side = book.SideOf(entry.Side);
            if (entry.Level.Quantity != 0)
            {
                side.Set(entry.Level);
            }
            else if (!side.Remove(entry.Level.PriceTicks))
            {
                Counters.DeletesOfAbsentLevels++;
                continue;
            }
            Emit(MarketDataKind.LevelSet, id, entry.Side, entry.Level.PriceTicks, entry.Level.Quantity, entry.TsEventNs, tsRecvNs);
        }
        TruncateSide(book.Bids, book.Depth, id, tsEventNs, tsRecvNs);
        TruncateSide(book.Asks, book.Depth, id, tsEventNs, tsRecvNs);
        book.AssertInvariants();

        bool failed = false;
        if (!_parser.HasChecksum)
        {
            Counters.UpdatesWithoutChecksum++;
        }
        else if (book.ComputeChecksum() == _parser.Checksum)
        {
            Counters.ChecksumsVerified++;
        }
        else
        {
            Counters.ChecksumsFailed++;
            failed = true;
            Invalidate(book, tsRecvNs);
        }
        Flush();
        return new KrakenDecodeResult(KrakenMessageKind.Update, KrakenRejectReason.None, id, failed);
    }

    private void Invalidate(KrakenBook book, long tsRecvNs)
    {
        book.IsValid = false;
        PublishFeedStatus(book, FeedStatus.Resync, tsRecvNs);
        Flush();
        Counters.ResubscribeRequests++;
        _resubscriber?.RequestResubscribe(book.Instrument.Symbol);
    }

    private void TruncateSide(KrakenBookSide side, int depth, int id, long tsEventNs, long tsRecvNs)
    {
        while (side.TryTruncateOne(depth, out KrakenLevel worst))
        {
            Counters.LevelsTruncated++;
            Emit(MarketDataKind.LevelSet, id, side.Side, worst.PriceTicks, 0, tsEventNs, tsRecvNs);
        }
    }

    private void EmitSide(KrakenBookSide side, int id, long tsEventNs, long tsRecvNs)
    {
        for (int rank = 0; rank < side.Count; rank++)
        {
            ref readonly KrakenLevel level = ref side[rank];
            Emit(MarketDataKind.LevelSet, id, side.Side, level.PriceTicks, level.Quantity, tsEventNs, tsRecvNs);
        }
    }

    private void PublishFeedStatus(KrakenBook book, FeedStatus status, long tsRecvNs)
    {
        Emit(MarketDataKind.FeedStatus, book.Instrument.Id, Side.None, 0, 0, 0, tsRecvNs);
        _pending.Status = (byte)status;
    }

    private void Emit(MarketDataKind kind, int id, Side side, long priceTicks, long quantity, long tsEventNs, long tsRecvNs)
    {
        if (_hasPending)
        {
            _sink.Publish(in _pending);
        }
        _pending = default;
        _pending.Kind = kind;
        _pending.InstrumentId = id;
        _pending.Side = side;
        _pending.PriceTicks = priceTicks;
        _pending.Quantity = quantity;
        _pending.TsEventNs = tsEventNs;
        _pending.TsRecvNs = tsRecvNs;
        _hasPending = true;
    }

    private void Flush()
    {
        if (_hasPending)
        {
            _pending.EndOfMessage = true;
            _sink.Publish(in _pending);
            _hasPending = false;
        }
    }

    private KrakenDecodeResult Reject(KrakenMessageKind kind, KrakenRejectReason reason, int id)
    {
        Counters.CountRejected(reason);
        return new KrakenDecodeResult(kind == KrakenMessageKind.Update || kind == KrakenMessageKind.Snapshot ? kind : KrakenMessageKind.Rejected, reason, id, ChecksumFailed: false);
    }

    /// <summary>Fills every entry's <see cref="KrakenEntry.Level"/> at the pair's scale; false if one does not fit exactly.</summary>
    private static bool TryScale(Span<KrakenEntry> entries, int priceDecimals)
    {
        foreach (ref KrakenEntry entry in entries)
        {
            if (!KrakenDecimal.TryRescale(entry.PriceDigits, entry.PriceDecimals, priceDecimals, out long priceTicks)
                || !KrakenDecimal.TryRescale(entry.VolumeDigits, entry.VolumeDecimals, KrakenBook.VolumeDecimals, out long quantity)
                || (priceTicks == 0 && quantity != 0))
            {
                return false;
            }
            entry.Level = new KrakenLevel(priceTicks, quantity, entry.PriceDigits, entry.VolumeDigits);
        }
        return true;
    }

    private static int MaxPriceDecimals(Span<KrakenEntry> entries)
    {
        int decimals = 0;
        foreach (ref readonly KrakenEntry entry in entries)
        {
            decimals = Math.Max(decimals, entry.PriceDecimals);
        }
        // More than 18 decimals cannot hold a price of 1 in a long; such a snapshot is rejected by TryScale.
        return Math.Min(decimals, KrakenDecimal.MaxSignificantDigits);
    }

    private static bool IsValidPair(ReadOnlySpan<byte> pair)
    {
        if (pair.IsEmpty || pair.Length > MaxPairBytes)
        {
            return false;
        }
        foreach (byte c in pair)
        {
            if (c is < 0x21 or > 0x7E)
            {
                return false;
            }
        }
        return true;
    }
}
