using System.Text;
using Engine.Risk;
using Feeds;
using Feeds.Alpaca;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>
/// Validates a <see cref="ManualOrder"/> against the instruments and turns it into an
/// <see cref="OrderIntent"/>, or lists every problem at once. Nothing reaches the loop unless it is
/// clean; the risk checks then apply to it like to any order.
/// </summary>
public static class ManualOrderParser
{
    /// <summary>Parses <paramref name="order"/>; on false, <paramref name="problems"/> says everything that is wrong.</summary>
    public static bool TryParse(ManualOrder order, InstrumentTable instruments, out OrderIntent intent, out List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(instruments);
        problems = [];
        intent = default;
        var instrument = AdminFields.Instrument(order.Symbol, instruments, problems);
        var side = AdminFields.Side(order.Side, problems);
        if (order.Qty <= 0)
        {
            problems.Add($"qty: {order.Qty} must be positive");
        }
        var type = order.Type switch
        {
            null or "market" => OrderType.Market,
            "limit" => OrderType.Limit,
            "stop" => OrderType.Stop,
            "stop_limit" => OrderType.StopLimit,
            "trailing_stop" => OrderType.TrailingStop,
            _ => OrderType.None,
        };
        if (type == OrderType.None)
        {
            problems.Add($"type: '{order.Type}' must be market, limit, stop, stop_limit or trailing_stop");
        }
        var timeInForce = order.TimeInForce switch
        {
            null or "day" => TimeInForce.Day,
            "gtc" => TimeInForce.Gtc,
            "ioc" => TimeInForce.Ioc,
            "fok" => TimeInForce.Fok,
            "opg" => TimeInForce.Opg,
            "cls" => TimeInForce.Cls,
            _ => TimeInForce.None,
        };
        if (timeInForce == TimeInForce.None)
        {
            problems.Add($"timeInForce: '{order.TimeInForce}' must be day, gtc, ioc, fok, opg or cls");
        }
        int decimals = instrument?.PriceDecimals ?? 0;
        long limit = Price("limitPrice", order.LimitPrice, type is OrderType.Limit or OrderType.StopLimit, decimals, instrument is not null, problems);
        long stop = Price("stopPrice", order.StopPrice, type is OrderType.Stop or OrderType.StopLimit, decimals, instrument is not null, problems);
        long trail = Price("trailPrice", order.TrailPrice, type == OrderType.TrailingStop, decimals, instrument is not null, problems);
        if (problems.Count > 0)
        {
            return false;
        }
        intent = new OrderIntent(0, instrument!.Id, side, type, timeInForce, order.Qty, limit, stop, trail);
        return true;
    }

    private static long Price(string key, string? text, bool required, int decimals, bool knownInstrument, List<string> problems)
    {
        if (text is null)
        {
            if (required)
            {
                problems.Add($"{key}: required for this order type");
            }
            return 0;
        }
        if (!required)
        {
            problems.Add($"{key}: not used by this order type");
            return 0;
        }
        if (!knownInstrument)
        {
            return 0;
        }
        if (!DecimalText.TryParseTicks(Encoding.ASCII.GetBytes(text), decimals, out long ticks, out bool rounded) || ticks <= 0)
        {
            problems.Add($"{key}: '{text}' must be a positive decimal number");
        }
        else if (rounded)
        {
            problems.Add($"{key}: '{text}' has more than the instrument's {decimals} decimals");
        }
        return ticks;
    }
}
