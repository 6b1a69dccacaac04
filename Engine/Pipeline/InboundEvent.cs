using System.Runtime.InteropServices;
using Engine.Orders;
using Feeds;

namespace Engine.Pipeline;

/// <summary>A slot of the inbound ring: what the business-logic thread processes.</summary>
/// <remarks>
/// <para>Every producer sets <see cref="Kind"/> (slots are reused) and the payload it names; the others
/// hold whatever the slot carried before. (Explicit layout is kept for the padded types of the ring,
/// so the market event and the report do not share bytes.)</para>
/// <para>248 bytes: with the ring's 8-byte published flag in front, a slot is four whole cache lines, and
/// its first line holds the flag, <see cref="TsPublishTicks"/>, <see cref="Kind"/> and the first 40
/// bytes of <see cref="Market"/>, everything an order-by-order event needs (see <see cref="MarketDataEvent"/>).</para>
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct InboundEvent
{
    /// <summary>When the producer published the slot, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long TsPublishTicks;

    /// <summary>What the slot carries.</summary>
    public InboundKind Kind;

    /// <summary>The command, when <see cref="Kind"/> is <see cref="InboundKind.Command"/>.</summary>
    public ControlCommand Command;

    /// <summary>The market-data event, copied in by the feed's sink, when <see cref="Kind"/> is <see cref="InboundKind.MarketData"/>.</summary>
    public MarketDataEvent Market;

    /// <summary>For an operator's command: its request number, which the answer carries back.</summary>
    public long RequestId;

    /// <summary>For <see cref="ControlCommand.PlaceOrder"/> and <see cref="ControlCommand.CancelOrder"/>: the order.</summary>
    public Risk.OrderIntent Intent;

    /// <summary>The venue's report, copied in by the gateway's sink, when <see cref="Kind"/> is <see cref="InboundKind.Execution"/>.</summary>
    public ExecutionReport Execution;

    /// <summary>Makes the slot <paramref name="command"/> with its order and request number (none: default and 0), stamped now.</summary>
    public void SetCommand(ControlCommand command, in Risk.OrderIntent intent = default, long requestId = 0)
    {
        Kind = InboundKind.Command;
        Command = command;
        Intent = intent;
        RequestId = requestId;
        TsPublishTicks = System.Diagnostics.Stopwatch.GetTimestamp();
    }
}
