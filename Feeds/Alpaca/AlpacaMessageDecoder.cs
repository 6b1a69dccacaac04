using System.Buffers.Text;
using System.Text.Json;
using Feeds.Instruments;

namespace Feeds.Alpaca;

/// <summary>
/// Decodes the messages of the Alpaca market data v2 stream (JSON arrays of objects) into
/// <see cref="MarketDataEvent"/>s: trades (<c>T=t</c>), quotes (<c>q</c>), trading statuses
/// (<c>s</c>); bars (<c>b</c>, <c>d</c>) go to an optional <see cref="IAlpacaBarSink"/>; control
/// messages (<c>success</c>, <c>error</c>, <c>subscription</c>) are returned to the session.
/// </summary>
/// <remarks>
/// <para>Prices are parsed from the JSON number text into ticks of the instrument's
/// <see cref="Instrument.PriceDecimals"/> (4 for US equities: 1 tick = $0.0001, the finest
/// sub-penny a SIP prints); digits past that scale are rounded half away from zero and counted in
/// <see cref="PricesRounded"/>. Timestamps are RFC 3339 to nanoseconds since the Unix epoch.
/// Symbols map to ids through the <see cref="InstrumentTable"/>; unknown ones are counted and
/// skipped.</para>
/// <para>Bad input never throws out of <see cref="Decode"/>: an object that is incomplete or
/// mistyped is counted and skipped, a frame that is not valid JSON is counted and dropped from
/// the fault on (events already published from it stand), and the next frame starts clean.</para>
/// <para>One thread at a time (the feed's I/O thread). Allocates nothing per message. Counters
/// may be read from any thread.</para>
/// </remarks>
public sealed class AlpacaMessageDecoder
{
    private readonly InstrumentTable _instruments;
    private readonly IMarketDataSink _sink;
    private readonly IAlpacaBarSink? _bars;
    private readonly byte[] _scratch = new byte[AlpacaFields.ScratchBytes];
    private MarketDataEvent _event;
    private long _trades;
    private long _quotes;
    private long _minuteBars;
    private long _dailyBars;
    private long _tradingStatuses;
    private long _statusesIgnored;
    private long _subscriptions;
    private long _errors;
    private long _unknownSymbols;
    private long _unknownTypes;
    private long _malformedObjects;
    private long _malformedFrames;
    private long _pricesRounded;

    /// <summary>Creates a decoder publishing into <paramref name="sink"/>, bars into <paramref name="bars"/> if given.</summary>
    public AlpacaMessageDecoder(InstrumentTable instruments, IMarketDataSink sink, IAlpacaBarSink? bars = null)
    {
        _instruments = instruments;
        _sink = sink;
        _bars = bars;
    }

    /// <summary>Trades published.</summary>
    public long Trades => Volatile.Read(ref _trades);

    /// <summary>Quotes published.</summary>
    public long Quotes => Volatile.Read(ref _quotes);

    /// <summary>Minute bars decoded.</summary>
    public long MinuteBars => Volatile.Read(ref _minuteBars);

    /// <summary>Daily bars decoded.</summary>
    public long DailyBars => Volatile.Read(ref _dailyBars);

    /// <summary>Trading status changes published (halt, quoting, trading, pause).</summary>
    public long TradingStatuses => Volatile.Read(ref _tradingStatuses);

    /// <summary>Status messages that change no trading state (imbalances, price indications, short-sale restriction...).</summary>
    public long StatusesIgnored => Volatile.Read(ref _statusesIgnored);

    /// <summary>Subscription confirmations.</summary>
    public long Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>Error messages from the server.</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>Data points for symbols not in the instrument table (skipped).</summary>
    public long UnknownSymbols => Volatile.Read(ref _unknownSymbols);

    /// <summary>Objects whose <c>T</c> is not a type this decoder knows (skipped).</summary>
    public long UnknownTypes => Volatile.Read(ref _unknownTypes);

    /// <summary>Objects missing a field, or with a field of the wrong type or format (skipped).</summary>
    public long MalformedObjects => Volatile.Read(ref _malformedObjects);

    /// <summary>Frames that were not a valid JSON array (the rest of the frame dropped).</summary>
    public long MalformedFrames => Volatile.Read(ref _malformedFrames);

    /// <summary>Prices with more decimals than the instrument's scale, rounded to the nearest tick.</summary>
    public long PricesRounded => Volatile.Read(ref _pricesRounded);

    /// <summary>Decodes one WebSocket message; <paramref name="tsRecvTicks"/> becomes each event's <see cref="MarketDataEvent.TsRecvNs"/>.</summary>
    public AlpacaFrameResult Decode(ReadOnlySpan<byte> frame, long tsRecvTicks)
    {
        var result = new FrameTally();
        try
        {
            var reader = new Utf8JsonReader(frame, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return Malformed(ref result);
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    DecodeObject(ref reader, tsRecvTicks, ref result);
                }
                else
                {
                    reader.Skip();
                    _malformedObjects++;
                    result.Rejected++;
                }
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return Malformed(ref result);
            }
        }
        catch (JsonException)
        {
            return Malformed(ref result);
        }
        return result.ToResult(malformed: false);
    }

    private AlpacaFrameResult Malformed(ref FrameTally result)
    {
        _malformedFrames++;
        return result.ToResult(malformed: true);
    }

    private void DecodeObject(ref Utf8JsonReader reader, long tsRecvTicks, ref FrameTally result)
    {
        var fields = new AlpacaFields();
        fields.Read(ref reader, _scratch);
        if (fields.Bad)
        {
            Reject(ref _malformedObjects, ref result);
            return;
        }
        switch (fields.Type.Length == 1 ? fields.Type[0] : (byte)0)
        {
            case (byte)'t':
                DecodeTrade(ref fields, tsRecvTicks, ref result);
                return;
            case (byte)'q':
                DecodeQuote(ref fields, tsRecvTicks, ref result);
                return;
            case (byte)'b':
                DecodeBar(ref fields, daily: false, ref result);
                return;
            case (byte)'d':
                DecodeBar(ref fields, daily: true, ref result);
                return;
            case (byte)'s':
                DecodeStatus(ref fields, tsRecvTicks, ref result);
                return;
            default:
                DecodeControl(ref fields, ref result);
                return;
        }
    }

    private void DecodeTrade(ref AlpacaFields f, long tsRecvTicks, ref FrameTally result)
    {
        if (!TryInstrument(f.Symbol, out int id, out int decimals, ref result))
        {
            return;
        }
        long tradeId = 0;
        if (!TryPrice(f.Price, decimals, out long price) || !TryInteger(f.Size, out long size) || !Rfc3339.TryParseUnixNs(f.Timestamp, out long ts)
            || (!f.TradeId.IsEmpty && !TryInteger(f.TradeId, out tradeId)))
        {
            Reject(ref _malformedObjects, ref result);
            return;
        }
        ref var e = ref Begin(MarketDataKind.Trade, id, ts, tsRecvTicks);
        e.OrderId = tradeId;
        e.PriceTicks = price;
        e.Quantity = size;
        Publish(ref _trades, ref result);
    }

    private void DecodeQuote(ref AlpacaFields f, long tsRecvTicks, ref FrameTally result)
    {
        if (!TryInstrument(f.Symbol, out int id, out int decimals, ref result))
        {
            return;
        }
        if (!TryPrice(f.BidPrice, decimals, out long bid) || !TryInteger(f.BidSize, out long bidSize)
            || !TryPrice(f.AskPrice, decimals, out long ask) || !TryInteger(f.AskSize, out long askSize)
            || !Rfc3339.TryParseUnixNs(f.Timestamp, out long ts))
        {
            Reject(ref _malformedObjects, ref result);
            return;
        }
        ref var e = ref Begin(MarketDataKind.Quote, id, ts, tsRecvTicks);
        e.PriceTicks = bid;
        e.Quantity = bidSize;
        e.AskPriceTicks = ask;
        e.AskQuantity = askSize;
        Publish(ref _quotes, ref result);
    }

    private void DecodeBar(ref AlpacaFields f, bool daily, ref FrameTally result)
    {
        if (!TryInstrument(f.Symbol, out int id, out int decimals, ref result))
        {
            return;
        }
        if (!TryPrice(f.Open, decimals, out long open) || !TryPrice(f.High, decimals, out long high) || !TryPrice(f.Low, decimals, out long low)
            || !TryPrice(f.Close, decimals, out long close) || !TryInteger(f.Volume, out long volume) || !Rfc3339.TryParseUnixNs(f.Timestamp, out long ts))
        {
            Reject(ref _malformedObjects, ref result);
            return;
        }
        if (daily)
        {
            _dailyBars++;
        }
        else
        {
            _minuteBars++;
        }
        _bars?.OnBar(new AlpacaBar(id, daily, open, high, low, close, volume, ts));
    }

    private void DecodeStatus(ref AlpacaFields f, long tsRecvTicks, ref FrameTally result)
    {
        if (!TryInstrument(f.Symbol, out int id, out _, ref result))
        {
            return;
        }
        if (f.StatusCode.IsEmpty || !Rfc3339.TryParseUnixNs(f.Timestamp, out long ts))
        {
            Reject(ref _malformedObjects, ref result);
            return;
        }
        var status = MapStatus(f.StatusCode, f.ReasonCode);
        if (status == TradingStatus.Unknown)
        {
            _statusesIgnored++;
            return;
        }
        ref var e = ref Begin(MarketDataKind.TradingStatus, id, ts, tsRecvTicks);
        e.Status = (byte)status;
        Publish(ref _tradingStatuses, ref result);
    }

    private void DecodeControl(ref AlpacaFields f, ref FrameTally result)
    {
        var kind = AlpacaControlKind.None;
        int code = 0;
        if (f.Type.SequenceEqual("success"u8))
        {
            kind = f.Message.SequenceEqual("connected"u8) ? AlpacaControlKind.Connected
                : f.Message.SequenceEqual("authenticated"u8) ? AlpacaControlKind.Authenticated
                : AlpacaControlKind.None;
        }
        else if (f.Type.SequenceEqual("subscription"u8))
        {
            kind = AlpacaControlKind.Subscription;
            _subscriptions++;
        }
        else if (f.Type.SequenceEqual("error"u8))
        {
            if (!Utf8Parser.TryParse(f.Code, out code, out int consumed) || consumed != f.Code.Length)
            {
                Reject(ref _malformedObjects, ref result);
                return;
            }
            kind = AlpacaControlKind.Error;
            _errors++;
        }
        if (kind == AlpacaControlKind.None)
        {
            Reject(ref _unknownTypes, ref result);
            return;
        }
        // Control messages arrive alone; should two share a frame, the first is the one acted on.
        if (result.Control == AlpacaControlKind.None)
        {
            result.Control = kind;
            result.ErrorCode = code;
        }
    }

    /// <summary>The trading state a status code sets; Unknown for indicators that set none.</summary>
    internal static TradingStatus MapStatus(ReadOnlySpan<byte> statusCode, ReadOnlySpan<byte> reasonCode)
    {
        if (statusCode.Length != 1)
        {
            return TradingStatus.Unknown;
        }
        return statusCode[0] switch
        {
            // CTA (tapes A and B): 2 halt (reason M is a limit-up-limit-down pause), 3 resume.
            (byte)'2' => reasonCode.SequenceEqual("M"u8) ? TradingStatus.Paused : TradingStatus.Halted,
            (byte)'3' => TradingStatus.Trading,
            // UTP (tape C): H halt, Q quotation resumption, T trading resumption, P volatility pause.
            (byte)'H' => TradingStatus.Halted,
            (byte)'Q' => TradingStatus.QuotingOnly,
            (byte)'T' => TradingStatus.Trading,
            (byte)'P' => TradingStatus.Paused,
            _ => TradingStatus.Unknown,
        };
    }

    private bool TryInstrument(ReadOnlySpan<byte> symbol, out int id, out int decimals, ref FrameTally result)
    {
        decimals = 0;
        if (symbol.IsEmpty)
        {
            id = -1;
            Reject(ref _malformedObjects, ref result);
            return false;
        }
        if (!_instruments.TryGetIdAscii(symbol, out id))
        {
            Reject(ref _unknownSymbols, ref result);
            return false;
        }
        decimals = _instruments[id].PriceDecimals;
        return true;
    }

    private bool TryPrice(ReadOnlySpan<byte> text, int decimals, out long ticks)
    {
        if (!DecimalText.TryParseTicks(text, decimals, out ticks, out bool rounded))
        {
            return false;
        }
        if (rounded)
        {
            _pricesRounded++;
        }
        return true;
    }

    private static bool TryInteger(ReadOnlySpan<byte> text, out long value) =>
        Utf8Parser.TryParse(text, out value, out int consumed) && consumed == text.Length && !text.IsEmpty;

    private ref MarketDataEvent Begin(MarketDataKind kind, int instrumentId, long tsEventNs, long tsRecvTicks)
    {
        _event = default;
        _event.Kind = kind;
        _event.InstrumentId = instrumentId;
        _event.TsEventNs = tsEventNs;
        _event.TsRecvNs = tsRecvTicks;
        // Each Alpaca data point stands alone: the top of book is consistent after every one.
        _event.EndOfMessage = true;
        return ref _event;
    }

    private void Publish(ref long counter, ref FrameTally result)
    {
        _sink.Publish(in _event);
        counter++;
        result.Events++;
    }

    private static void Reject(ref long counter, ref FrameTally result)
    {
        counter++;
        result.Rejected++;
    }

    private struct FrameTally
    {
        public int Events;
        public int Rejected;
        public AlpacaControlKind Control;
        public int ErrorCode;

        public readonly AlpacaFrameResult ToResult(bool malformed) => new(Events, Rejected, malformed, Control, ErrorCode);
    }
}
