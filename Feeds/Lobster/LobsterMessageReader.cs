namespace Feeds.Lobster;

/// <summary>
/// Reads a LOBSTER message file (<c>time,type,order id,size,price,direction</c>, with or without a
/// header row) into <see cref="MarketDataEvent"/>s. Type 1 is an add, 2 a partial cancel, 3 a
/// delete, 4 a visible execution (each with the order's side and price), 5 a hidden execution (a
/// trade print whose aggressor is the opposite of the hidden order's side), 7 a trading halt
/// indicator (price -1 halted, 0 quoting only, 1 trading).
/// </summary>
/// <remarks>
/// One thread. A malformed line is counted, recorded with its line number in <see cref="Problems"/>
/// (the first <see cref="MaxProblemsKept"/>), reported as its reason, and reading carries on with the
/// next line; nothing is thrown for bad data. Reading a line allocates its string (a file replay,
/// not the live path).
/// </remarks>
public sealed class LobsterMessageReader
{
    /// <summary>Malformed lines kept in <see cref="Problems"/>; the rest are only counted.</summary>
    public const int MaxProblemsKept = 100;

    private const int Fields = 6;

    private readonly TextReader _reader;
    private readonly string _source;
    private readonly int _instrumentId;
    private readonly List<LobsterProblem> _problems = [];

    /// <summary>Reads from <paramref name="reader"/>; <paramref name="source"/> names it in problems; events carry <paramref name="instrumentId"/>.</summary>
    public LobsterMessageReader(TextReader reader, string source, int instrumentId)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        _source = source;
        _instrumentId = instrumentId;
    }

    /// <summary>Line number of the line read last (from 1, the header included).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Data rows read so far, good or malformed (not the header).</summary>
    public long RowCount { get; private set; }

    /// <summary>Malformed data rows so far.</summary>
    public long MalformedCount { get; private set; }

    /// <summary>The first malformed lines.</summary>
    public IReadOnlyList<LobsterProblem> Problems => _problems;

    /// <summary>
    /// Reads the next data row into <paramref name="e"/>; false at the end of the file.
    /// <paramref name="reason"/> is <see cref="LobsterLineReason.Ok"/> for a good row; otherwise
    /// <paramref name="e"/> holds nothing meaningful and the row is counted as malformed.
    /// </summary>
    public bool TryRead(ref MarketDataEvent e, out LobsterLineReason reason)
    {
        string? line = _reader.ReadLine();
        LineNumber++;
        if (line is not null && LineNumber == 1 && LobsterFields.IsHeader(line))
        {
            line = _reader.ReadLine();
            LineNumber++;
        }
        if (line is null)
        {
            reason = LobsterLineReason.Ok;
            return false;
        }
        RowCount++;
        reason = Parse(line, ref e);
        if (reason != LobsterLineReason.Ok)
        {
            MalformedCount++;
            if (_problems.Count < MaxProblemsKept)
            {
                _problems.Add(new LobsterProblem(_source, LineNumber, reason));
            }
        }
        return true;
    }

    /// <summary>Publishes every good row to <paramref name="sink"/>; returns the number published.</summary>
    public long ReadAll(IMarketDataSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var e = default(MarketDataEvent);
        long published = 0;
        while (TryRead(ref e, out var reason))
        {
            if (reason == LobsterLineReason.Ok)
            {
                sink.Publish(in e);
                published++;
            }
        }
        return published;
    }

    private LobsterLineReason Parse(string line, ref MarketDataEvent e)
    {
        var text = line.AsSpan();
        int comma = text.IndexOf(',');
        if (comma < 0)
        {
            return LobsterLineReason.WrongFieldCount;
        }
        Span<long> values = stackalloc long[Fields - 1];
        var reason = LobsterFields.ParseIntegers(text[(comma + 1)..], values);
        if (reason != LobsterLineReason.Ok)
        {
            return reason;
        }
        if (!LobsterFields.TryParseSecondsAsNs(text[..comma], out long tsNs))
        {
            return LobsterLineReason.BadNumber;
        }
        long type = values[0];
        long orderId = values[1];
        long size = values[2];
        long price = values[3];
        long direction = values[4];
        e = default;
        e.TsEventNs = tsNs;
        e.InstrumentId = _instrumentId;
        e.Sequence = RowCount;
        e.EndOfMessage = true;
        if (type == 7)
        {
            e.Kind = MarketDataKind.TradingStatus;
            e.Status = price switch
            {
                -1 => (byte)TradingStatus.Halted,
                0 => (byte)TradingStatus.QuotingOnly,
                1 => (byte)TradingStatus.Trading,
                _ => byte.MaxValue,
            };
            return e.Status == byte.MaxValue ? LobsterLineReason.BadField : LobsterLineReason.Ok;
        }
        var side = direction switch
        {
            1 => Side.Buy,
            -1 => Side.Sell,
            _ => Side.None,
        };
        if (side == Side.None)
        {
            return LobsterLineReason.BadField;
        }
        e.OrderId = orderId;
        e.PriceTicks = price;
        e.Quantity = size;
        e.Side = side;
        switch (type)
        {
            case 1:
                e.Kind = MarketDataKind.Add;
                break;
            case 2:
                e.Kind = MarketDataKind.Cancel;
                break;
            case 3:
                e.Kind = MarketDataKind.Delete;
                break;
            case 4:
                e.Kind = MarketDataKind.Execute;
                break;
            case 5:
                // The direction is the hidden resting order's side; the trade's aggressor took the other.
                e.Kind = MarketDataKind.Trade;
                e.Side = side == Side.Buy ? Side.Sell : Side.Buy;
                break;
            default:
                return LobsterLineReason.UnknownType;
        }
        return LobsterLineReason.Ok;
    }
}
