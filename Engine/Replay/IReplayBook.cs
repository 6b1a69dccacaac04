using Feeds;

namespace Engine.Replay;

/// <summary>
/// The order books an ITCH replay maintains: every decoded event is applied, and at the end the
/// replay reports the unknown-reference count and each instrument's top of book.
/// </summary>
/// <remarks>
/// The command runs the engine's own books (<see cref="OrderBooksReplayBook"/>); tests put a plain
/// reference model behind it to check those books independently. Called on the replay's one thread.
/// </remarks>
public interface IReplayBook
{
    /// <summary>Applies one event to its instrument's book.</summary>
    void Apply(ref MarketDataEvent marketEvent);

    /// <summary>Order events (execute, cancel, delete, replace) that named an order the books did not hold, counted and skipped.</summary>
    long UnknownReferences { get; }

    /// <summary>The best bid and ask of <paramref name="instrumentId"/> now.</summary>
    ReplayBookTop Top(int instrumentId);
}
