using Engine.Orders;
using Engine.Ring;

namespace Engine.Venues;

/// <summary>A venue's reader of the outbound ring: it hands each command written to the venue's handler, in order, and gates the ring on what it has handled.</summary>
/// <remarks>
/// The outbound ring has one producer (the loop), whose cursor is the last published slot, so no
/// barrier is needed. One thread at a time: the Alpaca gateway's, or the loop's for the paper venue
/// (<see cref="Paper.PaperVenueStage"/>). Nothing allocates.
/// </remarks>
public sealed class VenueInputs
{
    private readonly RingBuffer<OrderCommand> _outbound;
    private long _nextCommand;

    /// <summary>Reads the commands of <paramref name="outbound"/> and gates it on them.</summary>
    public VenueInputs(RingBuffer<OrderCommand> outbound)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        _outbound = outbound;
        _outbound.AddGatingSequences(Consumed);
    }

    /// <summary>The last command handled.</summary>
    public Sequence Consumed { get; } = new();

    /// <summary>Whether a command is written and not yet handled.</summary>
    public bool HasCommands => _outbound.Cursor >= _nextCommand;

    /// <summary>Hands <paramref name="handler"/> every command written and not yet handled; returns how many.</summary>
    public int Drain(IVenueHandler handler, IExecutionSink reports)
    {
        long available = _outbound.Cursor;
        if (_nextCommand > available)
        {
            return 0;
        }
        int handled = (int)(available - _nextCommand + 1);
        for (; _nextCommand <= available; _nextCommand++)
        {
            handler.OnCommand(ref _outbound[_nextCommand], reports);
        }
        Consumed.SetValue(available);
        return handled;
    }
}
