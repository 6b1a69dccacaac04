namespace Engine.Book;

/// <summary>Sizes of the order books: every pool and table is allocated once from these and never grows.</summary>
/// <remarks>
/// The books of one <see cref="OrderBooks"/> share one order pool and one order-id table, so a venue
/// with thousands of instruments needs room for the orders resting at once, not for thousands of
/// worst cases. Memory: about <c>MaxOrders</c> x 72 bytes (pool and table) plus
/// <c>Instruments</c> x <c>MaxLevelsPerSide</c> x 64 bytes (both sides of every book), all at start-up.
/// </remarks>
public sealed record BookOptions
{
    /// <summary>Number of books, one per instrument id 0..n-1.</summary>
    public int Instruments { get; set; } = 16;

    /// <summary>Most resting orders over all books (or in a book built on its own); an add beyond it is rejected and counted.</summary>
    public int MaxOrders { get; set; } = 65_536;

    /// <summary>Most price levels on one side of one book; a new level beyond it is rejected and counted.</summary>
    public int MaxLevelsPerSide { get; set; } = 256;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (Instruments is < 1 or > 100_000)
        {
            errors.Add($"{path}.instruments: {Instruments} is outside 1..100000");
        }
        if (MaxOrders is < 1 or > 67_108_864)
        {
            errors.Add($"{path}.maxOrders: {MaxOrders} is outside 1..67108864");
        }
        if (MaxLevelsPerSide is < 1 or > 65_536)
        {
            errors.Add($"{path}.maxLevelsPerSide: {MaxLevelsPerSide} is outside 1..65536");
        }
    }
}
