using System.Buffers.Text;
using System.Text.Json;

namespace Feeds.Kraken;

/// <summary>
/// Reads one Kraken WebSocket v1 message with a <see cref="Utf8JsonReader"/> (no DOM) into pre-sized
/// scratch: the message kind, the book entries, the checksum, the depth and where the pair name is.
/// Nothing is applied here, so a message that turns out malformed halfway leaves every book untouched.
/// </summary>
/// <remarks>
/// Shapes accepted: event objects <c>{"event":"heartbeat",...}</c>; book arrays
/// <c>[channelID, {"as":[...],"bs":[...]}, "book-N", "PAIR"]</c> (snapshot) and
/// <c>[channelID, {"a":[...]}, ({"b":[...],"c":"..."},) "book-N", "PAIR"]</c> (update), entries
/// <c>[price, volume, timestamp(, flag)]</c> as strings; arrays of other channels are recognised by
/// their name and skipped. Owned by the decoding thread; allocation-free.
/// </remarks>
internal sealed class KrakenMessageParser
{
    private readonly KrakenEntry[] _entries;
    private readonly int _maxDepth;
    private bool _sawSnapshotKey;
    private bool _sawUpdateKey;

    public KrakenMessageParser(int maxLevelsPerMessage, int maxDepth)
    {
        _entries = new KrakenEntry[maxLevelsPerMessage];
        _maxDepth = maxDepth;
    }

    /// <summary>Entries of the last book message, in the order sent.</summary>
    public Span<KrakenEntry> Entries => _entries.AsSpan(0, EntryCount);

    /// <summary>Number of entries of the last book message.</summary>
    public int EntryCount { get; private set; }

    /// <summary>Whether the last update carried <c>"c"</c>.</summary>
    public bool HasChecksum { get; private set; }

    /// <summary>The checksum the last update carried.</summary>
    public uint Checksum { get; private set; }

    /// <summary>The depth N of the last book message's <c>book-N</c> channel.</summary>
    public int Depth { get; private set; }

    /// <summary>Offset of the pair name's first byte in the message.</summary>
    public int PairStart { get; private set; }

    /// <summary>Length in bytes of the pair name.</summary>
    public int PairLength { get; private set; }

    /// <summary>Parses <paramref name="json"/>; returns why it was rejected, or <see cref="KrakenRejectReason.None"/>.</summary>
    public KrakenRejectReason Parse(ReadOnlySpan<byte> json, out KrakenMessageKind kind)
    {
        EntryCount = 0;
        HasChecksum = false;
        Checksum = 0;
        Depth = 0;
        PairStart = 0;
        PairLength = 0;
        _sawSnapshotKey = false;
        _sawUpdateKey = false;
        kind = KrakenMessageKind.Rejected;
        KrakenRejectReason reason;
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
            if (!reader.Read())
            {
                return KrakenRejectReason.BadJson;
            }
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                reason = ParseEvent(ref reader, out kind);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                reason = ParseChannelMessage(ref reader, out kind);
            }
            else
            {
                reason = KrakenRejectReason.BadShape;
            }
            // Anything after the value but whitespace makes the reader throw, counted as bad JSON.
            if (reason == KrakenRejectReason.None && reader.Read())
            {
                reason = KrakenRejectReason.BadShape;
            }
        }
        catch (JsonException)
        {
            // Utf8JsonReader reports malformed JSON only by throwing; this is the decoder's expected bad-input path.
            reason = KrakenRejectReason.BadJson;
        }
        if (reason != KrakenRejectReason.None)
        {
            kind = KrakenMessageKind.Rejected;
        }
        return reason;
    }

    private static KrakenRejectReason ParseEvent(ref Utf8JsonReader reader, out KrakenMessageKind kind)
    {
        kind = KrakenMessageKind.Rejected;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            bool isEvent = reader.ValueTextEquals("event"u8);
            reader.Read();
            if (!isEvent)
            {
                reader.Skip();
                continue;
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                return KrakenRejectReason.BadShape;
            }
            kind = reader.ValueTextEquals("heartbeat"u8) ? KrakenMessageKind.Heartbeat
                : reader.ValueTextEquals("systemStatus"u8) ? KrakenMessageKind.SystemStatus
                : reader.ValueTextEquals("subscriptionStatus"u8) ? KrakenMessageKind.SubscriptionStatus
                : KrakenMessageKind.OtherEvent;
        }
        return kind == KrakenMessageKind.Rejected ? KrakenRejectReason.BadShape : KrakenRejectReason.None;
    }

    private KrakenRejectReason ParseChannelMessage(ref Utf8JsonReader reader, out KrakenMessageKind kind)
    {
        kind = KrakenMessageKind.Rejected;
        if (!reader.Read() || reader.TokenType != JsonTokenType.Number)
        {
            return KrakenRejectReason.BadShape;
        }
        int strings = 0;
        bool sawMap = false;
        bool sawOtherPayload = false;
        ReadOnlySpan<byte> channel = default;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject when strings == 0:
                    sawMap = true;
                    KrakenRejectReason reason = ParseBookMap(ref reader);
                    if (reason != KrakenRejectReason.None)
                    {
                        return reason;
                    }
                    break;
                case JsonTokenType.StartArray when strings == 0:
                    sawOtherPayload = true;
                    reader.Skip();
                    break;
                case JsonTokenType.String when strings == 0:
                    channel = reader.ValueIsEscaped ? default : reader.ValueSpan;
                    strings++;
                    break;
                case JsonTokenType.String when strings == 1:
                    if (reader.ValueIsEscaped)
                    {
                        return KrakenRejectReason.BadPair;
                    }
                    PairStart = checked((int)reader.TokenStartIndex + 1);
                    PairLength = reader.ValueSpan.Length;
                    strings++;
                    break;
                default:
                    return KrakenRejectReason.BadShape;
            }
        }
        if (strings != 2)
        {
            return KrakenRejectReason.BadShape;
        }
        if (!channel.StartsWith("book-"u8))
        {
            kind = KrakenMessageKind.OtherChannel;
            return KrakenRejectReason.None;
        }
        if (sawOtherPayload || !sawMap || _sawSnapshotKey == _sawUpdateKey)
        {
            return KrakenRejectReason.BadShape;
        }
        ReadOnlySpan<byte> depthText = channel[5..];
        if (!Utf8Parser.TryParse(depthText, out int depth, out int consumed) || consumed != depthText.Length || depth < 1 || depth > _maxDepth)
        {
            return KrakenRejectReason.UnsupportedDepth;
        }
        Depth = depth;
        kind = _sawSnapshotKey ? KrakenMessageKind.Snapshot : KrakenMessageKind.Update;
        return KrakenRejectReason.None;
    }

    private KrakenRejectReason ParseBookMap(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            KrakenRejectReason reason = KrakenRejectReason.None;
            if (reader.ValueTextEquals("as"u8))
            {
                reason = ParseEntries(ref reader, Side.Sell, snapshot: true);
            }
            else if (reader.ValueTextEquals("bs"u8))
            {
                reason = ParseEntries(ref reader, Side.Buy, snapshot: true);
            }
            else if (reader.ValueTextEquals("a"u8))
            {
                reason = ParseEntries(ref reader, Side.Sell, snapshot: false);
            }
            else if (reader.ValueTextEquals("b"u8))
            {
                reason = ParseEntries(ref reader, Side.Buy, snapshot: false);
            }
            else if (reader.ValueTextEquals("c"u8))
            {
                reason = ParseChecksum(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
            if (reason != KrakenRejectReason.None)
            {
                return reason;
            }
        }
        return KrakenRejectReason.None;
    }

    private KrakenRejectReason ParseChecksum(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
            || !Utf8Parser.TryParse(reader.ValueSpan, out uint checksum, out int consumed) || consumed != reader.ValueSpan.Length)
        {
            return KrakenRejectReason.BadChecksumField;
        }
        Checksum = checksum;
        HasChecksum = true;
        return KrakenRejectReason.None;
    }

    private KrakenRejectReason ParseEntries(ref Utf8JsonReader reader, Side side, bool snapshot)
    {
        _sawSnapshotKey |= snapshot;
        _sawUpdateKey |= !snapshot;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return KrakenRejectReason.BadShape;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return KrakenRejectReason.BadShape;
            }
            if (EntryCount == _entries.Length)
            {
                return KrakenRejectReason.TooManyLevels;
            }
            ref KrakenEntry entry = ref _entries[EntryCount];
            entry.Side = side;
            KrakenRejectReason reason = ReadDecimal(ref reader, out entry.PriceDigits, out entry.PriceDecimals);
            if (reason == KrakenRejectReason.None)
            {
                reason = ReadDecimal(ref reader, out entry.VolumeDigits, out entry.VolumeDecimals);
            }
            if (reason == KrakenRejectReason.None)
            {
                reason = ReadDecimal(ref reader, out long tsDigits, out int tsDecimals);
                if (reason == KrakenRejectReason.None && !KrakenDecimal.TryRescale(tsDigits, tsDecimals, 9, out entry.TsEventNs))
                {
                    reason = KrakenRejectReason.BadNumber;
                }
            }
            if (reason != KrakenRejectReason.None)
            {
                return reason;
            }
            // An optional fourth element flags the entry ("r": republished from beyond the depth); it changes nothing here.
            if (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                reader.Read();
            }
            if (reader.TokenType != JsonTokenType.EndArray)
            {
                return KrakenRejectReason.BadShape;
            }
            EntryCount++;
        }
        return KrakenRejectReason.None;
    }

    private static KrakenRejectReason ReadDecimal(ref Utf8JsonReader reader, out long digits, out int decimals)
    {
        digits = 0;
        decimals = 0;
        if (!reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return KrakenRejectReason.BadShape;
        }
        return !reader.ValueIsEscaped && KrakenDecimal.TryParse(reader.ValueSpan, out digits, out decimals)
            ? KrakenRejectReason.None
            : KrakenRejectReason.BadNumber;
    }
}
