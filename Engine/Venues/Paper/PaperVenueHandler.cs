using Engine.Orders;
using Engine.Pipeline;

namespace Engine.Venues.Paper;

/// <summary>The paper venue's answer to the commands of the outbound ring: each goes to the matcher, which matches it against the loop's books.</summary>
/// <remarks>
/// <para>Loop thread only (<see cref="PaperVenueStage"/> hands it the commands right after the stage that wrote them).</para>
/// <para>Venue time moves with the market events. With <c>wallClock</c> (the engine's market data all
/// from live feeds, whose event times are the wall clock's) it also moves with the wall clock at the end
/// of each batch, so that a command held for its entry latency, or a report for its report latency,
/// goes out on time when the next event of any kind arrives instead of waiting for the next quote (in
/// a quiet market, the loop's tick: <c>pipeline.tickMs</c>).</para>
/// </remarks>
public sealed class PaperVenueHandler(PaperMatcher matcher, IClock? wallClock = null) : IVenueHandler
{
    /// <summary>The matcher, for status and tests (read it only after the loop has stopped).</summary>
    public PaperMatcher Matcher => matcher;

    /// <inheritdoc />
    public void OnCommand(ref OrderCommand command, IExecutionSink reports) => matcher.OnCommand(in command, reports);

    /// <inheritdoc />
    public void OnIdle(IExecutionSink reports)
    {
        if (wallClock is not null && matcher.HeldCommandCount + matcher.HeldReportCount > 0)
        {
            matcher.AdvanceClock(wallClock.UtcNowNs(), reports);
        }
    }
}
