using Engine.Orders;
using Engine.Pipeline;
using Engine.Ring;

namespace Engine.Venues;

/// <summary>
/// What a venue gateway reads: the commands of the outbound ring and, for a simulated venue, the market
/// events of the inbound ring, read behind the loop rather than copied to the venue by it. Each command
/// is handled after every market event up to the one it came from (<see cref="OrderCommand.OriginSequence"/>)
/// and before any later one, so the simulated venue's book is the book the strategy saw.
/// </summary>
/// <remarks>
/// <para>The market events are read where the feeds wrote them, on the venue's own CPU when it shares
/// the feeds', and never cross to the loop's core and back: the loop only publishes how far it has got,
/// once a batch. A command that came from event <c>n</c> reached the outbound ring before the loop
/// published any sequence at or past <c>n</c>, so reading the loop's sequence before the outbound
/// cursor, and the market events only up to it after every command seen, never applies an event
/// before a command that came earlier.</para>
/// <para>The outbound ring has one producer (the loop), whose cursor is the last published slot, and the
/// market events are read only up to the loop's sequence, whose slots the producers have published: no
/// barrier is needed on either ring.</para>
/// <para>One thread at a time: the venue thread, or the backtest's loop between its events. Nothing
/// allocates.</para>
/// </remarks>
public sealed class VenueInputs
{
    private readonly RingBuffer<OrderCommand> _outbound;
    private readonly RingBuffer<InboundEvent>? _inbound;
    private readonly Sequence? _loop;
    private long _nextCommand;
    private long _nextEvent;

    /// <summary>
    /// Reads the commands of <paramref name="outbound"/> and, with <paramref name="inbound"/>, its market
    /// events up to <paramref name="loop"/> (the loop's sequence over it); gates both rings on what it has read.
    /// </summary>
    public VenueInputs(RingBuffer<OrderCommand> outbound, RingBuffer<InboundEvent>? inbound = null, Sequence? loop = null)
    {
        ArgumentNullException.ThrowIfNull(outbound);
        if ((inbound is null) != (loop is null))
        {
            throw new ArgumentException("the inbound ring and the loop's sequence over it come together");
        }
        _outbound = outbound;
        _inbound = inbound;
        _loop = loop;
        _outbound.AddGatingSequences(Consumed);
        _inbound?.AddGatingSequences(Followed);
    }

    /// <summary>The last command handled.</summary>
    public Sequence Consumed { get; } = new();

    /// <summary>The last inbound event read (its market events handled).</summary>
    public Sequence Followed { get; } = new();

    /// <summary>Whether a command is written and not yet handled.</summary>
    public bool HasCommands => _outbound.Cursor >= _nextCommand;

    /// <summary>
    /// Hands <paramref name="handler"/> every command written and every market event the loop has handled,
    /// in the order above; returns how many commands and market events it handled.
    /// </summary>
    public int Drain(IVenueHandler handler, IExecutionSink reports)
    {
        // The loop's sequence first: every command of an event up to it is then in the outbound ring.
        long loopDone = _loop is null ? -1 : _loop.Value;
        long available = _outbound.Cursor;
        int handled = 0;
        if (_nextCommand <= available)
        {
            for (; _nextCommand <= available; _nextCommand++)
            {
                ref var command = ref _outbound[_nextCommand];
                handled += Follow(command.OriginSequence, handler, reports) + 1;
                handler.OnCommand(ref command, reports);
            }
            Consumed.SetValue(available);
        }
        return handled + Follow(loopDone, handler, reports);
    }

    /// <summary>Hands on the market events up to <paramref name="sequence"/> not yet read; returns how many.</summary>
    private int Follow(long sequence, IVenueHandler handler, IExecutionSink reports)
    {
        if (_inbound is null || sequence < _nextEvent)
        {
            return 0;
        }
        int handled = 0;
        for (; _nextEvent <= sequence; _nextEvent++)
        {
            ref readonly var e = ref _inbound[_nextEvent];
            if (e.Kind == InboundKind.MarketData)
            {
                handler.OnMarket(in e.Market, reports);
                handled++;
            }
        }
        Followed.SetValue(sequence);
        return handled;
    }
}
