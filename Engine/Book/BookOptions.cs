namespace Engine.Book;

/// <summary>Sizes of the order books: every pool and table is allocated once from these and never grows.</summary>
/// <remarks>
/// Memory per book is about <c>MaxOrdersPerBook</c> x 72 bytes (order pool and id table) plus
/// <c>MaxLevelsPerSide</c> x 64 bytes (both sides), allocated at start-up for every instrument.
/// </remarks>
public sealed record BookOptions
{
    /// <summary>Number of books, one per instrument id 0..n-1.</summary>
    public int Instruments { get; set; } = 16;

    /// <summary>Most resting orders one book holds; an add beyond it is rejected and counted.</summary>
    public int MaxOrdersPerBook { get; set; } = 4_096;

    /// <summary>Most price levels on one side of one book; a new level beyond it is rejected and counted.</summary>
    public int MaxLevelsPerSide { get; set; } = 256;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (Instruments is < 1 or > 100_000)
        {
            errors.Add($"{path}.instruments: {Instruments} is outside 1..100000");
        }
        if (MaxOrdersPerBook is < 1 or > 16_777_216)
        {
            errors.Add($"{path}.maxOrdersPerBook: {MaxOrdersPerBook} is outside 1..16777216");
        }
        if (MaxLevelsPerSide is < 1 or > 65_536)
        {
            errors.Add($"{path}.maxLevelsPerSide: {MaxLevelsPerSide} is outside 1..65536");
        }
    }
}
