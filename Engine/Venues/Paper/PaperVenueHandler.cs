using Engine.Orders;
using Engine.Pipeline;
using Feeds;

namespace Engine.Venues.Paper;

/// <summary>The paper venue on its gateway thread: the market events the loop has handled keep the matcher's books, commands are matched against them.</summary>
/// <remarks>
/// <para>Gateway thread only. Its <see cref="VenueInputs"/> hand it every market event before the commands that came after it, so the matcher sees both in the loop's order and its fills are a function of the inbound sequence alone.</para>
/// <para>Venue time moves with the market events. With <c>wallClock</c> (the engine's market data all
/// from live feeds, whose event times are the wall clock's) it also moves with the wall clock while the
/// gateway is idle, so that a command held for its entry latency, or a report for its report
/// latency, goes out on time on a quiet market instead of waiting for the next quote.</para>
/// </remarks>
public sealed class PaperVenueHandler(PaperMatcher matcher, IClock? wallClock = null) : IVenueHandler
{
    /// <summary>The matcher, for status and tests (read it only after the gateway thread has stopped).</summary>
    public PaperMatcher Matcher => matcher;

    /// <inheritdoc />
    public void OnCommand(ref OrderCommand command, IExecutionSink reports) => matcher.OnCommand(in command, reports);

    /// <inheritdoc />
    public void OnMarket(in MarketDataEvent market, IExecutionSink reports) => matcher.OnMarket(in market, reports);

    /// <inheritdoc />
    public void OnIdle(IExecutionSink reports)
    {
        if (wallClock is not null && matcher.HeldCommandCount + matcher.HeldReportCount > 0)
        {
            matcher.AdvanceClock(wallClock.UtcNowNs(), reports);
        }
    }
}
