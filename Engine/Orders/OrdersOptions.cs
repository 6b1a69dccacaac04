namespace Engine.Orders;

/// <summary>Sizes of the order path (config section <c>orders</c>), all allocated at start-up.</summary>
public sealed record OrdersOptions
{
    /// <summary>Orders the router keeps (open and recent final ones); at least twice <c>risk.maxOpenOrders</c> keeps late reports findable.</summary>
    public int Capacity { get; set; } = 4_096;

    /// <summary>Slots of the outbound ring (router to venue gateway); a power of two.</summary>
    public int OutboundSlots { get; set; } = 65_536;

    /// <summary>Execution reports a gateway may hold while the inbound ring is full.</summary>
    public int ReportQueue { get; set; } = 65_536;

    /// <summary>
    /// An order the venue has not answered (accepted, rejected or filled it) this long after its send
    /// is counted as unanswered, once, and reported to the circuit breaker as an order-path error; 0: never.
    /// Wall time: the engine live and on paper, not a backtest.
    /// </summary>
    public int AckTimeoutMs { get; set; } = 5_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Capacity is < 16 or > 4_194_304)
        {
            errors.Add($"{path}.capacity: {Capacity} is outside 16..4194304");
        }
        if (OutboundSlots is < 16 or > 4_194_304 || !int.IsPow2(OutboundSlots))
        {
            errors.Add($"{path}.outboundSlots: {OutboundSlots} must be a power of two in 16..4194304");
        }
        if (ReportQueue is < 16 or > 4_194_304)
        {
            errors.Add($"{path}.reportQueue: {ReportQueue} is outside 16..4194304");
        }
        if (AckTimeoutMs is < 0 or > 600_000)
        {
            errors.Add($"{path}.ackTimeoutMs: {AckTimeoutMs} is outside 0..600000 (0: off)");
        }
    }
}
