using System.Text;
using Engine.Orders.Twap;
using Engine.Risk;
using Feeds;
using Feeds.Alpaca;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>
/// Validates a <see cref="TwapRequest"/> against the instruments and turns it into
/// <see cref="TwapOptions"/>, or lists every problem at once (the numeric rules are
/// <see cref="TwapOptions.Validate"/>'s, reported under the request's field names). Nothing reaches
/// the loop unless it is clean; each child then passes the risk checks like any order.
/// </summary>
public static class TwapRequestParser
{
    private const string Path = "twap";

    /// <summary>
    /// Parses <paramref name="request"/> for the instruments whose ids are below <paramref name="limits"/>'s
    /// count, whose quantities must be whole lots of its lot size; on false, <paramref name="problems"/>
    /// says everything that is wrong.
    /// </summary>
    public static bool TryParse(TwapRequest request, InstrumentTable instruments, (int Instruments, Func<int, long> LotSize) limits, out TwapOptions options, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(instruments);
        ArgumentNullException.ThrowIfNull(limits.LotSize);
        problems = [];
        var instrument = AdminFields.Instrument(request.Symbol, instruments, problems);
        var side = AdminFields.Side(request.Side, problems);
        TwapChildType? childType = request.ChildType switch
        {
            null or "market" => TwapChildType.Market,
            "limit" => TwapChildType.Limit,
            _ => null,
        };
        if (childType is null)
        {
            problems.Add($"childType: '{request.ChildType}' must be market or limit");
        }
        var timeInForce = request.TimeInForce switch
        {
            null or "day" => TimeInForce.Day,
            "ioc" => TimeInForce.Ioc,
            _ => TimeInForce.None,
        };
        if (timeInForce == TimeInForce.None)
        {
            problems.Add($"timeInForce: '{request.TimeInForce}' must be day or ioc (a child lives until the next slice)");
        }
        TwapLimitReference? reference = request.LimitReference switch
        {
            null or "far" => TwapLimitReference.Far,
            "near" => TwapLimitReference.Near,
            _ => null,
        };
        if (reference is null)
        {
            problems.Add($"limitReference: '{request.LimitReference}' must be far or near");
        }
        long cap = LimitCap(request.LimitCap, instrument, problems);
        // Fields already reported take a valid stand-in, so Validate reports each problem once.
        options = new TwapOptions
        {
            InstrumentId = instrument?.Id ?? 0,
            Side = side == Side.None ? Side.Buy : side,
            TotalQuantity = request.Qty,
            DurationMs = request.DurationMs,
            Slices = request.Slices,
            ChildType = childType ?? TwapChildType.Market,
            ChildTimeInForce = timeInForce == TimeInForce.None ? TimeInForce.Day : timeInForce,
            LimitReference = reference ?? TwapLimitReference.Far,
            LimitOffsetTicks = request.LimitOffsetTicks,
            LimitCapTicks = cap,
            StartDelayMs = request.StartDelayMs,
            CancelRetryMs = request.CancelRetryMs,
        };
        var numeric = new List<string>();
        options.Validate(Path, numeric, Math.Max(1, limits.Instruments));
        foreach (string problem in numeric)
        {
            problems.Add(RequestField(problem));
        }
        if (instrument is not null && instrument.Id < limits.Instruments && request.Qty > 0 && request.Qty % limits.LotSize(instrument.Id) != 0)
        {
            problems.Add($"qty: {request.Qty} is not a multiple of {instrument.Symbol}'s lot size ({limits.LotSize(instrument.Id)}); slices are whole lots");
        }
        return problems.Count == 0;
    }

    /// <summary>A problem from <see cref="TwapOptions.Validate"/> under the request's field names.</summary>
    private static string RequestField(string problem)
    {
        string text = problem[(Path.Length + 1)..];
        return text
            .Replace("totalQuantity", "qty", StringComparison.Ordinal)
            .Replace("childTimeInForce", "timeInForce", StringComparison.Ordinal)
            .Replace("limitCapTicks", "limitCap", StringComparison.Ordinal)
            .Replace("instrumentId", "symbol", StringComparison.Ordinal);
    }

    private static long LimitCap(string? text, Instrument? instrument, List<string> problems)
    {
        if (text is null || instrument is null)
        {
            return 0;
        }
        if (!DecimalText.TryParseTicks(Encoding.ASCII.GetBytes(text), instrument.PriceDecimals, out long ticks, out bool rounded) || ticks <= 0)
        {
            problems.Add($"limitCap: '{text}' must be a positive decimal number");
            return 0;
        }
        if (rounded)
        {
            problems.Add($"limitCap: '{text}' has more than the instrument's {instrument.PriceDecimals} decimals");
            return 0;
        }
        return ticks;
    }
}
