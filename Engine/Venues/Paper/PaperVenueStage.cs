using Engine.Orders;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>
/// The paper venue as a stage of the loop's chain: it matches against the loop's own books, around
/// their update of each market event, and takes the outbound ring's commands right after the stages
/// that write them. Its reports go back through the inbound ring.
/// </summary>
/// <remarks>
/// <para>Per market event: <see cref="BeforeBook"/> (held commands and reports due by its time, against
/// the book as it was; what the event will change), the books' update, <see cref="AfterBook"/> (the
/// resting orders it reaches fill). Per inbound event, after the router: <see cref="TakeCommands"/>.
/// So each command is matched against the book its strategy saw, and the fills are a function of the
/// inbound sequence alone, as in a backtest.</para>
/// <para>Why on the loop and not on a thread of its own: a simulated venue on its own thread needs its
/// own copy of the books, updated by every event, and on a two-core machine its thread's turns share
/// the feeds' core; here it costs a check per event of an instrument without resting orders.</para>
/// <para>Loop thread only. Nothing allocates while the report queue has room (<see cref="BufferedExecutionSink"/>).</para>
/// <para>Its reports reach the inbound ring behind the events the feeds published before them: a
/// strategy learns of a fill one event later than the venue made it, as it would from a real venue.</para>
/// </remarks>
public sealed class PaperVenueStage
{
    private readonly PaperMatcher _matcher;
    private readonly VenueInputs _commands;
    private readonly IVenueHandler _handler;
    private readonly BufferedExecutionSink _reports;

    /// <summary>
    /// The stage of <paramref name="venue"/>, reading <paramref name="commands"/>; <paramref name="handler"/>
    /// takes the commands (the venue itself, or a harness's probe around it) and every report goes into the inbound ring through <paramref name="reports"/>.
    /// </summary>
    public PaperVenueStage(PaperVenueHandler venue, VenueInputs commands, BufferedExecutionSink reports, IVenueHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(reports);
        Venue = venue;
        _matcher = venue.Matcher;
        _commands = commands;
        _reports = reports;
        _handler = handler ?? venue;
    }

    /// <summary>The venue (read its matcher only after the loop has stopped).</summary>
    public PaperVenueHandler Venue { get; }

    /// <summary>The venue's way into the inbound ring (its counts: any thread).</summary>
    public BufferedExecutionSink Reports => _reports;

    /// <summary>Before the books apply market event <paramref name="e"/>.</summary>
    public void BeforeBook(ref readonly MarketDataEvent e) => _matcher.BeforeBookUpdate(in e, _reports);

    /// <summary>Once the books have applied market event <paramref name="e"/>.</summary>
    public void AfterBook(ref readonly MarketDataEvent e) => _matcher.AfterBookUpdate(in e);

    /// <summary>Matches the commands written to the outbound ring since the last call.</summary>
    public void TakeCommands()
    {
        if (_commands.HasCommands)
        {
            _commands.Drain(_handler, _reports);
        }
    }

    /// <summary>At the end of a batch: the venue's time-driven work, then the reports still waiting for room in the inbound ring.</summary>
    public void EndBatch()
    {
        _handler.OnIdle(_reports);
        _reports.Flush();
    }
}
