using System.Globalization;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Risk;
using Feeds.Alpaca;
using Feeds.Instruments;

namespace Engine.Admin;

/// <summary>The TWAP parent as <c>GET /admin/twap</c> shows it, with its children.</summary>
/// <param name="ParentId">The parent's id (from the same series as the client order ids; its children carry it).</param>
/// <param name="Status">Pending, Working, Completed, Cancelled or Expired.</param>
/// <param name="EndReason">Why it ended; None while it has not.</param>
/// <param name="Symbol">The instrument's symbol.</param>
/// <param name="Side">buy or sell.</param>
/// <param name="Qty">The parent's whole quantity.</param>
/// <param name="FilledQty">Filled by its children.</param>
/// <param name="WorkingQty">Of its children still working.</param>
/// <param name="RemainingQty">Not filled.</param>
/// <param name="AvgFillPrice">Average fill price as a decimal string; null before any fill.</param>
/// <param name="Slices">Slices of the schedule.</param>
/// <param name="SlicesDone">Slices whose time has come.</param>
/// <param name="ChildrenSent">Children that passed the risk checks.</param>
/// <param name="ChildrenRefused">Children refused.</param>
/// <param name="Children">Every child sent or refused, in slice order.</param>
public sealed record TwapView(
    string ParentId, string Status, string EndReason, string Symbol, string Side, long Qty, long FilledQty, long WorkingQty, long RemainingQty,
    string? AvgFillPrice, int Slices, int SlicesDone, int ChildrenSent, int ChildrenRefused, IReadOnlyList<TwapChildView> Children)
{
    /// <summary>The view of <paramref name="report"/>. Off the loop (allocates).</summary>
    public static TwapView Of(TwapReport report, InstrumentTable instruments)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(instruments);
        var instrument = report.InstrumentId < instruments.Count ? instruments[report.InstrumentId] : null;
        int decimals = instrument?.PriceDecimals ?? 0;
        var children = new List<TwapChildView>(report.Children.Length);
        foreach (ref readonly var child in report.Children)
        {
            children.Add(new TwapChildView(
                ClientOrderIds.Format(child.ClientOrderId),
                child.Slice,
                child.Quantity,
                child.FilledQuantity,
                child.LimitPriceTicks > 0 ? DecimalText.Format(child.LimitPriceTicks, decimals) : null,
                child.Status.ToString(),
                child.RefusedBy == RiskRejectReason.None ? null : child.RefusedBy.ToString(),
                child.Lost));
        }
        return new TwapView(
            ClientOrderIds.Format(report.ParentId),
            report.Status.ToString(),
            report.EndReason.ToString(),
            instrument?.Symbol ?? report.InstrumentId.ToString(CultureInfo.InvariantCulture),
            report.Side.ToString().ToLowerInvariant(),
            report.Quantity,
            report.FilledQuantity,
            report.WorkingQuantity,
            report.RemainingQuantity,
            report.FilledQuantity > 0 ? DecimalText.Format(report.AverageFillPriceTicks, decimals) : null,
            report.Slices,
            report.SlicesDone,
            report.ChildrenSent,
            report.ChildrenRefused,
            children);
    }
}

/// <summary>One child of the TWAP parent as <c>GET /admin/twap</c> shows it.</summary>
/// <param name="ClientOrderId">Our client order id.</param>
/// <param name="Slice">The slice that sent it (0-based).</param>
/// <param name="Qty">Quantity ordered.</param>
/// <param name="FilledQty">Quantity filled.</param>
/// <param name="LimitPrice">Limit price as a decimal string; null for a market child.</param>
/// <param name="Status">The order's status as last seen (Rejected when refused before the venue).</param>
/// <param name="RefusedBy">The risk check that refused it, if one did.</param>
/// <param name="Lost">Whether it left the order table before its end was seen (its remainder is never sent again).</param>
public sealed record TwapChildView(string ClientOrderId, int Slice, long Qty, long FilledQty, string? LimitPrice, string Status, string? RefusedBy, bool Lost);
