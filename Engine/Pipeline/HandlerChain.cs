using Engine.Book;
using Engine.Orders;
using Engine.Orders.Twap;
using Engine.Ring;
using Engine.Risk;
using Engine.Strategies;
using Engine.Venues.Paper;

namespace Engine.Pipeline;

/// <summary>
/// The business-logic chain, run by the loop for every inbound event, stage after stage:
/// the order books, the risk stage (marks positions, keeps the breaker current), the strategy (its
/// intents through the slippage estimate and the pre-trade checks), the TWAP stage (child orders of a
/// parent, through the same checks), the router (approved orders out, reports in), the paper venue
/// when it is the venue (it matches around the books' update and takes the router's commands), then
/// the event counter.
/// </summary>
/// <remarks>
/// A struct, so the processor is specialised for it and every stage call is direct and inlinable.
/// Stages are sealed classes built once in the host.
/// </remarks>
public readonly struct HandlerChain : IEventHandler<InboundEvent>
{
    /// <summary>Creates the chain from its stages.</summary>
    public HandlerChain(OrderBooks books, RiskStage risk, StrategyStage strategy, TwapStage twap, RouterStage router, PaperVenueStage? venue, EventCounter counter)
    {
        Books = books;
        Risk = risk;
        Strategy = strategy;
        Twap = twap;
        Router = router;
        Venue = venue;
        Counter = counter;
    }

    /// <summary>The order books: stage 1.</summary>
    public OrderBooks Books { get; }

    /// <summary>Positions, breaker and the pre-trade checks: stage 4.</summary>
    public RiskStage Risk { get; }

    /// <summary>The strategy: market events, reports and its timer into intents, through the checks.</summary>
    public StrategyStage Strategy { get; }

    /// <summary>A TWAP parent's children, through the risk checks, before the router sends them.</summary>
    public TwapStage Twap { get; }

    /// <summary>Orders out, execution reports in: stage 5.</summary>
    public RouterStage Router { get; }

    /// <summary>The paper venue, or null when the venue is elsewhere (Alpaca, on its gateway thread).</summary>
    public PaperVenueStage? Venue { get; }

    /// <summary>The counting stage.</summary>
    public EventCounter Counter { get; }

    /// <inheritdoc />
    public void OnEvent(ref InboundEvent e, long sequence, bool endOfBatch)
    {
        if (e.Kind == InboundKind.MarketData)
        {
            Venue?.BeforeBook(in e.Market);
            Books.OnEvent(ref e);
            Venue?.AfterBook(in e.Market);
        }
        Risk.OnEvent(ref e, endOfBatch);
        Strategy.OnEvent(ref e, endOfBatch);
        Twap.OnEvent(ref e, endOfBatch);
        Router.OnEvent(ref e);
        Venue?.TakeCommands();
        Counter.OnEvent(ref e);
        if (endOfBatch)
        {
            // The snapshots other threads read, once the event has been through every stage, so their
            // copying delays neither this event's order nor its end of chain. The counter's last: a
            // reader that sees an event handled also sees the figures it changed.
            Venue?.EndBatch();
            Router.CheckAnswers(e.TsPublishTicks);
            Risk.PublishSnapshot();
            Router.PublishSnapshot();
            Strategy.PublishSnapshot();
            Counter.EndBatch(ref e);
        }
    }
}
