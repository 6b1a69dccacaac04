using Engine.Orders;

namespace Engine.Venues.Paper;

/// <summary>The paper venue on its gateway thread: market events from the loop keep the matcher's books, commands are matched against them.</summary>
/// <remarks>Gateway thread only. The loop forwards every market event before the orders it led to, so the matcher sees both in the loop's order and its fills are a function of the inbound sequence alone.</remarks>
public sealed class PaperVenueHandler(PaperMatcher matcher) : IVenueHandler
{
    /// <summary>The matcher, for status and tests (read it only after the gateway thread has stopped).</summary>
    public PaperMatcher Matcher => matcher;

    /// <inheritdoc />
    public void OnCommand(ref OrderCommand command, IExecutionSink reports)
    {
        if (command.Kind == OrderCommandKind.MarketData)
        {
            matcher.OnMarket(ref command.Market, reports);
        }
        else
        {
            matcher.OnCommand(in command, reports);
        }
    }

    /// <inheritdoc />
    public void OnIdle(IExecutionSink reports)
    {
        // Venue time moves only with market events: nothing is due while the market is quiet.
    }
}
