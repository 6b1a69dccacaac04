using Engine.Orders;
using Engine.Ring;
using Engine.Venues;

namespace Engine.Backtest;

/// <summary>
/// The backtest's venue gateway: the outbound ring's one consumer, like <see cref="VenueThread"/>, but
/// run on the caller's thread when asked, so the venue's place in the sequence of events is fixed.
/// </summary>
/// <remarks>Backtest thread only; allocates nothing.</remarks>
public sealed class VenueDrain
{
    private readonly RingBuffer<OrderCommand> _outbound;
    private readonly IVenueHandler _handler;
    private long _next;

    /// <summary>Registers itself as the gate of <paramref name="outbound"/> and hands its commands to <paramref name="handler"/>.</summary>
    public VenueDrain(RingBuffer<OrderCommand> outbound, IVenueHandler handler)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        ArgumentNullException.ThrowIfNull(handler);
        _outbound = outbound;
        _handler = handler;
        _outbound.AddGatingSequences(Consumed);
    }

    /// <summary>The last command handled; the router's producer waits on it.</summary>
    public Sequence Consumed { get; } = new();

    /// <summary>Hands every command published so far to the venue, its reports to <paramref name="reports"/>; returns how many.</summary>
    public int Drain(IExecutionSink reports)
    {
        long available = _outbound.Cursor;
        int handled = 0;
        for (; _next <= available; _next++)
        {
            _handler.OnCommand(ref _outbound[_next], reports);
            handled++;
        }
        if (handled > 0)
        {
            Consumed.SetValue(available);
        }
        return handled;
    }
}
