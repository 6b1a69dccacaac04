using Engine.Orders;

namespace Engine.Tests.Venues.Paper;

/// <summary>Compact checks on execution reports.</summary>
internal static class ReportAssert
{
    /// <summary>The kinds of <paramref name="reports"/>, in order.</summary>
    public static ExecutionKind[] Kinds(IEnumerable<ExecutionReport> reports) => reports.Select(r => r.Kind).ToArray();

    /// <summary>Each fill as (quantity, price, cumulative, leaves).</summary>
    public static (long Quantity, long PriceTicks, long Cumulative, long Leaves)[] Fills(IEnumerable<ExecutionReport> reports) =>
        reports.Where(r => r.Kind is ExecutionKind.PartialFill or ExecutionKind.Fill)
            .Select(r => (r.LastQuantity, r.LastPriceTicks, r.CumulativeQuantity, r.LeavesQuantity))
            .ToArray();
}
