using System.Globalization;
using Engine.Orders;
using Feeds.Alpaca;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>One open order as the admin endpoint lists it.</summary>
/// <param name="ClientOrderId">Our client order id.</param>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Side">buy or sell.</param>
/// <param name="Type">The order type.</param>
/// <param name="TimeInForce">The time in force.</param>
/// <param name="Qty">Quantity ordered.</param>
/// <param name="FilledQty">Quantity filled.</param>
/// <param name="LimitPrice">Limit price as a decimal string, if any.</param>
/// <param name="Status">Where the order is.</param>
public sealed record AdminOrderView(string ClientOrderId, string Symbol, string Side, string Type, string TimeInForce, long Qty, long FilledQty, string? LimitPrice, string Status)
{
    /// <summary>The view of <paramref name="order"/>.</summary>
    public static AdminOrderView Of(in Order order, InstrumentTable instruments)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var instrument = order.InstrumentId < instruments.Count ? instruments[order.InstrumentId] : null;
        string? limit = order.LimitPriceTicks > 0 && instrument is not null
            ? DecimalText.Format(order.LimitPriceTicks, instrument.PriceDecimals)
            : null;
        return new AdminOrderView(
            ClientOrderIds.Format(order.ClientOrderId),
            instrument?.Symbol ?? order.InstrumentId.ToString(CultureInfo.InvariantCulture),
            order.Side.ToString().ToLowerInvariant(),
            order.Type.ToString(),
            order.TimeInForce.ToString(),
            order.Quantity,
            order.FilledQuantity,
            limit,
            order.Status.ToString());
    }
}
