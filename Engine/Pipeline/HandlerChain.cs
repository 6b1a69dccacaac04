using Engine.Book;
using Engine.Ring;

namespace Engine.Pipeline;

/// <summary>
/// The business-logic chain, run by the loop for every inbound event, stage after stage:
/// the order books, then the event counter; strategy, slippage, risk and router join it here.
/// </summary>
/// <remarks>
/// A struct, so the processor is specialised for it and every stage call is direct and inlinable.
/// Stages are sealed classes built once in the host.
/// </remarks>
public readonly struct HandlerChain : IEventHandler<InboundEvent>
{
    /// <summary>Creates the chain from its stages.</summary>
    public HandlerChain(OrderBooks books, EventCounter counter)
    {
        Books = books;
        Counter = counter;
    }

    /// <summary>The order books: stage 1.</summary>
    public OrderBooks Books { get; }

    /// <summary>The counting stage.</summary>
    public EventCounter Counter { get; }

    /// <inheritdoc />
    public void OnEvent(ref InboundEvent e, long sequence, bool endOfBatch)
    {
        Books.OnEvent(ref e);
        Counter.OnEvent(ref e, endOfBatch);
    }
}
