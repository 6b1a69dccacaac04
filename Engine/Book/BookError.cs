namespace Engine.Book;

/// <summary>Why a book could not apply an event exactly; <see cref="None"/> when it did. Counted per book, never thrown.</summary>
public enum BookError : byte
{
    /// <summary>Applied (or, for kinds that do not touch the book, accepted).</summary>
    None,

    /// <summary>Cancel, delete, execute or replace of an order id the book does not hold (or another instrument's book holds); skipped.</summary>
    UnknownOrder,

    /// <summary>An add (or a replace's new id) with an order id that already rests, in this or another book of the same <see cref="OrderBooks"/>; skipped.</summary>
    DuplicateOrderId,

    /// <summary>The order pool is full (<see cref="BookOptions.MaxOrders"/>); the add is skipped.</summary>
    OrderPoolFull,

    /// <summary>The side already holds <see cref="BookOptions.MaxLevelsPerSide"/> levels; the new level is skipped.</summary>
    LevelsFull,

    /// <summary>A side of <see cref="Feeds.Side.None"/>, or a quantity of 0 or less where one is needed; skipped.</summary>
    InvalidEvent,

    /// <summary>A cancel or execute larger than the order's remaining size; the order is removed.</summary>
    QuantityExceedsOrder,

    /// <summary>A level or quote event on a side that holds orders (an order-by-order book); skipped.</summary>
    MixedFeed,

    /// <summary>An instrument id with no book (counted by <see cref="OrderBooks"/>); skipped.</summary>
    UnknownInstrument,
}
