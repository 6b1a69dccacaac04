using System.Text;
using Feeds.Instruments;
using Feeds.MoldUdp;

namespace Feeds.Itch;

/// <summary>
/// Decodes NASDAQ TotalView-ITCH 5.0 messages: the order-book ones into <see cref="MarketDataEvent"/>s
/// for an <see cref="IMarketDataSink"/>, every type counted and shown to an optional
/// <see cref="IItchMessageListener"/>. Malformed messages are counted and skipped, never thrown.
/// </summary>
/// <remarks>
/// <para>Mapping: A, F -> <see cref="MarketDataKind.Add"/>; E -> <see cref="MarketDataKind.Execute"/>
/// (price 0: the order's own); C -> <see cref="MarketDataKind.Execute"/> with the execution price;
/// X -> <see cref="MarketDataKind.Cancel"/>; D -> <see cref="MarketDataKind.Delete"/>;
/// U -> <see cref="MarketDataKind.Replace"/> (no side on the wire: the book knows it);
/// P -> <see cref="MarketDataKind.Trade"/>, aggressor the opposite of the resting order's side,
/// order id the match number; Q -> <see cref="MarketDataKind.Trade"/>, side none, order id the match
/// number; H -> <see cref="MarketDataKind.TradingStatus"/>. Every other type only reaches the
/// listener. One message gives at most one event, so every event has <c>EndOfMessage</c> set.</para>
/// <para>Stock locates: a Stock Directory (R) registers its symbol in the
/// <see cref="InstrumentTable"/> (4 price decimals, venue NASDAQ) and binds the locate to it, the only
/// string allocation of the decoder. A locate seen before its R is bound by the first A, F, P, Q or
/// H that carries it, from that message's symbol. An E, C, X, D or U whose locate is still unbound
/// publishes no event (<see cref="ItchDecodeStatus.UnboundLocate"/>; it is still counted by type and
/// shown to the listener): no add can have preceded it. An R for a bound locate rebinds it.</para>
/// <para>One decoding thread; <see cref="Decode"/> allocates nothing except when it registers a new
/// symbol.</para>
/// </remarks>
public sealed class ItchDecoder : IMoldUdp64MessageHandler
{
    /// <summary>The instrument id of a locate that is bound to none.</summary>
    public const int NoInstrument = -1;

    /// <summary>Price decimals of every ITCH instrument: prices are in $0.0001.</summary>
    public const int PriceDecimals = 4;

    private const string Venue = "NASDAQ";

    private readonly InstrumentTable _instruments;
    private readonly IMarketDataSink _sink;
    private readonly IItchMessageListener? _listener;
    private readonly int[] _instrumentByLocate = new int[ushort.MaxValue + 1];
    private MarketDataEvent _event;

    /// <summary>Creates a decoder that registers stocks in <paramref name="instruments"/> and publishes into <paramref name="sink"/>.</summary>
    public ItchDecoder(InstrumentTable instruments, IMarketDataSink sink, IItchMessageListener? listener = null)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(sink);
        _instruments = instruments;
        _sink = sink;
        _listener = listener;
        Array.Fill(_instrumentByLocate, NoInstrument);
    }

    /// <summary>Decoded messages per type and rejects per reason.</summary>
    public ItchDecoderCounters Counters { get; } = new();

    /// <summary>The instrument a stock locate is bound to, or <see cref="NoInstrument"/>.</summary>
    public int InstrumentOf(ushort stockLocate) => _instrumentByLocate[stockLocate];

    /// <summary>
    /// Decodes one whole message (type byte first, exactly its length): publishes its event, if it
    /// has one, stamped with <paramref name="sequence"/> and <paramref name="tsRecvNs"/>.
    /// </summary>
    public ItchDecodeStatus Decode(ReadOnlySpan<byte> message, long sequence, long tsRecvNs)
    {
        byte type = ItchMessageReader.PeekType(message);
        int length = ItchLayout.MessageLength(type);
        ItchDecodeStatus status;
        if (length == 0)
        {
            status = ItchDecodeStatus.UnknownType;
        }
        else if (message.Length != length)
        {
            status = ItchDecodeStatus.WrongLength;
        }
        else
        {
            var reader = new ItchMessageReader(message);
            status = Dispatch(reader, sequence, tsRecvNs);
            if (_listener is not null && !ItchDecoderCounters.IsMalformed(status))
            {
                _listener.OnMessage(reader, _instrumentByLocate[reader.StockLocate], sequence);
            }
        }
        Counters.Count(status, type);
        return status;
    }

    /// <inheritdoc />
    void IMoldUdp64MessageHandler.OnMessage(ReadOnlySpan<byte> message, long sequence, long tsRecvNs) => Decode(message, sequence, tsRecvNs);

    private ItchDecodeStatus Dispatch(ItchMessageReader reader, long sequence, long tsRecvNs)
    {
        switch (reader.Type)
        {
            case ItchMessageType.AddOrder:
            case ItchMessageType.AddOrderWithMpid:
                return AddOrder(reader, sequence, tsRecvNs);
            case ItchMessageType.OrderExecuted:
            case ItchMessageType.OrderExecutedWithPrice:
            case ItchMessageType.OrderCancel:
            case ItchMessageType.OrderDelete:
            case ItchMessageType.OrderReplace:
                return OrderUpdate(reader, sequence, tsRecvNs);
            case ItchMessageType.Trade:
                return Trade(reader, sequence, tsRecvNs);
            case ItchMessageType.CrossTrade:
                return CrossTrade(reader, sequence, tsRecvNs);
            case ItchMessageType.StockTradingAction:
                return TradingAction(reader, sequence, tsRecvNs);
            case ItchMessageType.StockDirectory:
                return Bind(reader.StockLocate, reader.Stock(ItchLayout.StockDirectory.Stock), rebind: true, out _);
            default:
                return ItchDecodeStatus.Decoded;
        }
    }

    private ItchDecodeStatus AddOrder(ItchMessageReader reader, long sequence, long tsRecvNs)
    {
        var side = ParseSide(reader.Char(ItchLayout.AddOrder.Side));
        if (side == Side.None)
        {
            return ItchDecodeStatus.InvalidField;
        }
        var status = Bind(reader.StockLocate, reader.Stock(ItchLayout.AddOrder.Stock), rebind: false, out int instrumentId);
        if (status != ItchDecodeStatus.Decoded)
        {
            return status;
        }
        ref var e = ref Start(reader, MarketDataKind.Add, instrumentId, sequence, tsRecvNs);
        e.OrderId = (long)reader.UInt64(ItchLayout.AddOrder.OrderReference);
        e.Side = side;
        e.Quantity = reader.UInt32(ItchLayout.AddOrder.Shares);
        e.PriceTicks = reader.PriceTicks(ItchLayout.AddOrder.Price);
        _sink.Publish(in e);
        return ItchDecodeStatus.Decoded;
    }

    private ItchDecodeStatus OrderUpdate(ItchMessageReader reader, long sequence, long tsRecvNs)
    {
        int instrumentId = _instrumentByLocate[reader.StockLocate];
        if (instrumentId == NoInstrument)
        {
            return ItchDecodeStatus.UnboundLocate;
        }
        var type = reader.Type;
        var kind = type switch
        {
            ItchMessageType.OrderExecuted or ItchMessageType.OrderExecutedWithPrice => MarketDataKind.Execute,
            ItchMessageType.OrderCancel => MarketDataKind.Cancel,
            ItchMessageType.OrderDelete => MarketDataKind.Delete,
            _ => MarketDataKind.Replace,
        };
        ref var e = ref Start(reader, kind, instrumentId, sequence, tsRecvNs);
        // E, C, X and D all carry the order reference at the same offset; U its original order's.
        e.OrderId = (long)reader.UInt64(ItchLayout.OrderCancel.OrderReference);
        switch (type)
        {
            case ItchMessageType.OrderExecuted:
                e.Quantity = reader.UInt32(ItchLayout.OrderExecuted.ExecutedShares);
                break;
            case ItchMessageType.OrderExecutedWithPrice:
                e.Quantity = reader.UInt32(ItchLayout.OrderExecuted.ExecutedShares);
                e.PriceTicks = reader.PriceTicks(ItchLayout.OrderExecuted.ExecutionPrice);
                break;
            case ItchMessageType.OrderCancel:
                e.Quantity = reader.UInt32(ItchLayout.OrderCancel.CancelledShares);
                break;
            case ItchMessageType.OrderReplace:
                e.NewOrderId = (long)reader.UInt64(ItchLayout.OrderReplace.NewOrderReference);
                e.Quantity = reader.UInt32(ItchLayout.OrderReplace.Shares);
                e.PriceTicks = reader.PriceTicks(ItchLayout.OrderReplace.Price);
                break;
        }
        _sink.Publish(in e);
        return ItchDecodeStatus.Decoded;
    }

    private ItchDecodeStatus Trade(ItchMessageReader reader, long sequence, long tsRecvNs)
    {
        var restingSide = ParseSide(reader.Char(ItchLayout.Trade.Side));
        if (restingSide == Side.None)
        {
            return ItchDecodeStatus.InvalidField;
        }
        var status = Bind(reader.StockLocate, reader.Stock(ItchLayout.Trade.Stock), rebind: false, out int instrumentId);
        if (status != ItchDecodeStatus.Decoded)
        {
            return status;
        }
        ref var e = ref Start(reader, MarketDataKind.Trade, instrumentId, sequence, tsRecvNs);
        e.OrderId = (long)reader.UInt64(ItchLayout.Trade.MatchNumber);
        e.Side = restingSide == Side.Buy ? Side.Sell : Side.Buy;
        e.Quantity = reader.UInt32(ItchLayout.Trade.Shares);
        e.PriceTicks = reader.PriceTicks(ItchLayout.Trade.Price);
        _sink.Publish(in e);
        return ItchDecodeStatus.Decoded;
    }

    private ItchDecodeStatus CrossTrade(ItchMessageReader reader, long sequence, long tsRecvNs)
    {
        var status = Bind(reader.StockLocate, reader.Stock(ItchLayout.CrossTrade.Stock), rebind: false, out int instrumentId);
        if (status != ItchDecodeStatus.Decoded)
        {
            return status;
        }
        ref var e = ref Start(reader, MarketDataKind.Trade, instrumentId, sequence, tsRecvNs);
        e.OrderId = (long)reader.UInt64(ItchLayout.CrossTrade.MatchNumber);
        e.Quantity = (long)reader.UInt64(ItchLayout.CrossTrade.Shares);
        e.PriceTicks = reader.PriceTicks(ItchLayout.CrossTrade.CrossPrice);
        _sink.Publish(in e);
        return ItchDecodeStatus.Decoded;
    }

    private ItchDecodeStatus TradingAction(ItchMessageReader reader, long sequence, long tsRecvNs)
    {
        var state = reader.Char(ItchLayout.StockTradingAction.TradingState) switch
        {
            (byte)'H' => TradingStatus.Halted,
            (byte)'P' => TradingStatus.Paused,
            (byte)'Q' => TradingStatus.QuotingOnly,
            (byte)'T' => TradingStatus.Trading,
            _ => TradingStatus.Unknown,
        };
        if (state == TradingStatus.Unknown)
        {
            return ItchDecodeStatus.InvalidField;
        }
        var status = Bind(reader.StockLocate, reader.Stock(ItchLayout.StockTradingAction.Stock), rebind: false, out int instrumentId);
        if (status != ItchDecodeStatus.Decoded)
        {
            return status;
        }
        ref var e = ref Start(reader, MarketDataKind.TradingStatus, instrumentId, sequence, tsRecvNs);
        e.Status = (byte)state;
        _sink.Publish(in e);
        return ItchDecodeStatus.Decoded;
    }

    private ref MarketDataEvent Start(ItchMessageReader reader, MarketDataKind kind, int instrumentId, long sequence, long tsRecvNs)
    {
        ref var e = ref _event;
        e = default;
        e.Kind = kind;
        e.InstrumentId = instrumentId;
        e.TsEventNs = reader.TimestampNs;
        e.TsRecvNs = tsRecvNs;
        e.Sequence = sequence;
        e.EndOfMessage = true;
        return ref e;
    }

    private static Side ParseSide(byte indicator) => indicator switch
    {
        (byte)'B' => Side.Buy,
        (byte)'S' => Side.Sell,
        _ => Side.None,
    };

    private ItchDecodeStatus Bind(ushort locate, ReadOnlySpan<byte> stock, bool rebind, out int instrumentId)
    {
        instrumentId = _instrumentByLocate[locate];
        if (instrumentId != NoInstrument && !rebind)
        {
            return ItchDecodeStatus.Decoded;
        }
        var symbol = stock.TrimEnd((byte)' ');
        if (symbol.IsEmpty || symbol.ContainsAnyExceptInRange((byte)'!', (byte)'~'))
        {
            return ItchDecodeStatus.InvalidField;
        }
        if (!_instruments.TryGetIdAscii(symbol, out instrumentId))
        {
            var instrument = _instruments.GetOrAdd(Encoding.ASCII.GetString(symbol), PriceDecimals, venue: Venue);
            if (instrument is null)
            {
                instrumentId = NoInstrument;
                return ItchDecodeStatus.InstrumentTableFull;
            }
            instrumentId = instrument.Id;
        }
        _instrumentByLocate[locate] = instrumentId;
        return ItchDecodeStatus.Decoded;
    }
}
