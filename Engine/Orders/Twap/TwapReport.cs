using System.Globalization;
using System.Text;
using Engine.Risk;
using Feeds;

namespace Engine.Orders.Twap;

/// <summary>
/// A copy of one TWAP parent and its children, for a status line or an admin endpoint: filled by
/// <see cref="TwapSnapshot.TryRead"/> on the reader's thread, or from the executor on the loop.
/// </summary>
/// <remarks>Owned by one thread; sized once for the parent's slices. <see cref="Format"/> allocates (it is for readers off the loop).</remarks>
public sealed class TwapReport
{
    private readonly TwapChild[] _children;

    /// <summary>A report with room for <paramref name="slices"/> children (the parent's <see cref="TwapOptions.Slices"/>).</summary>
    public TwapReport(int slices) => _children = new TwapChild[Math.Max(1, slices)];

    /// <summary>The parent's id.</summary>
    public long ParentId { get; private set; }

    /// <summary>Where the parent is.</summary>
    public TwapStatus Status { get; private set; }

    /// <summary>Why it ended, if it has.</summary>
    public TwapEndReason EndReason { get; private set; }

    /// <summary>The instrument id.</summary>
    public int InstrumentId { get; private set; }

    /// <summary>Buy or sell.</summary>
    public Side Side { get; private set; }

    /// <summary>The parent's whole quantity.</summary>
    public long Quantity { get; private set; }

    /// <summary>Quantity filled.</summary>
    public long FilledQuantity { get; private set; }

    /// <summary>Quantity of the children working.</summary>
    public long WorkingQuantity { get; private set; }

    /// <summary>Average fill price in ticks; 0 before any fill.</summary>
    public long AverageFillPriceTicks { get; private set; }

    /// <summary>Slices of the schedule.</summary>
    public int Slices { get; private set; }

    /// <summary>Slices whose time has come.</summary>
    public int SlicesDone { get; private set; }

    /// <summary>Children that passed the risk checks.</summary>
    public int ChildrenSent { get; private set; }

    /// <summary>Children refused.</summary>
    public int ChildrenRefused { get; private set; }

    /// <summary>Children still working.</summary>
    public int OpenChildren { get; private set; }

    /// <summary>Quantity not filled.</summary>
    public long RemainingQuantity => Math.Max(0, Quantity - FilledQuantity);

    /// <summary>The children, in slice order.</summary>
    public ReadOnlySpan<TwapChild> Children => _children.AsSpan(0, ChildCount);

    private int ChildCount { get; set; }

    /// <summary>Copies the executor's view, children from <paramref name="fromChild"/> on (those below it have not changed since the last copy). Loop thread; allocates nothing.</summary>
    internal void CopyFrom(TwapExecutor executor, int fromChild)
    {
        ParentId = executor.ParentId;
        Status = executor.Status;
        EndReason = executor.EndReason;
        InstrumentId = executor.InstrumentId;
        Side = executor.Side;
        Quantity = executor.Quantity;
        FilledQuantity = executor.FilledQuantity;
        WorkingQuantity = executor.WorkingQuantity;
        AverageFillPriceTicks = executor.AverageFillPriceTicks;
        Slices = executor.Slices;
        SlicesDone = executor.SlicesDone;
        ChildrenSent = executor.ChildrenSent;
        ChildrenRefused = executor.ChildrenRefused;
        OpenChildren = executor.OpenChildren;
        var children = executor.Children;
        children[fromChild..].CopyTo(_children.AsSpan(fromChild));
        ChildCount = children.Length;
    }

    /// <summary>Copies <paramref name="other"/> whole.</summary>
    internal void CopyFrom(TwapReport other)
    {
        ParentId = other.ParentId;
        Status = other.Status;
        EndReason = other.EndReason;
        InstrumentId = other.InstrumentId;
        Side = other.Side;
        Quantity = other.Quantity;
        FilledQuantity = other.FilledQuantity;
        WorkingQuantity = other.WorkingQuantity;
        AverageFillPriceTicks = other.AverageFillPriceTicks;
        Slices = other.Slices;
        SlicesDone = other.SlicesDone;
        ChildrenSent = other.ChildrenSent;
        ChildrenRefused = other.ChildrenRefused;
        OpenChildren = other.OpenChildren;
        int count = Math.Min(other.ChildCount, _children.Length);
        other._children.AsSpan(0, count).CopyTo(_children);
        ChildCount = count;
    }

    /// <summary>
    /// The parent on one line and each child on its own, prices at <paramref name="priceDecimals"/>:
    /// <c>twap 7 Working Buy 300/1000 avg 100.01 working 100 slices 4/10 sent 4 refused 0</c> then
    /// <c>  eng-12 slice 0 100/100 Filled</c>. Off the loop (allocates).
    /// </summary>
    public string Format(int priceDecimals)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"twap {ParentId} {Status} {Side} {FilledQuantity}/{Quantity} avg {Price(AverageFillPriceTicks, priceDecimals)} working {WorkingQuantity} slices {SlicesDone}/{Slices} sent {ChildrenSent} refused {ChildrenRefused}");
        if (EndReason != TwapEndReason.None)
        {
            text.Append(c, $" ended {EndReason} remaining {RemainingQuantity}");
        }
        foreach (ref readonly var child in Children)
        {
            text.AppendLine().Append(c, $"  {ClientOrderIds.Format(child.ClientOrderId)} slice {child.Slice} {child.FilledQuantity}/{child.Quantity} {child.Status}");
            if (child.LimitPriceTicks != 0)
            {
                text.Append(c, $" limit {Price(child.LimitPriceTicks, priceDecimals)}");
            }
            if (child.RefusedBy != RiskRejectReason.None)
            {
                text.Append(c, $" refused {child.RefusedBy}");
            }
            if (child.Lost)
            {
                text.Append(" lost");
            }
        }
        return text.ToString();
    }

    private static string Price(long ticks, int decimals) =>
        (ticks / (decimal)Math.Pow(10, decimals)).ToString(CultureInfo.InvariantCulture);
}
