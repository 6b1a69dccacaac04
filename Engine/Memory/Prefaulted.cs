namespace Engine.Memory;

/// <summary>
/// Pre-sized arrays for the loop's and the venue's state, written through at construction. Memory fresh
/// from the OS reads as zero without being written, so the pages of a large new array are backed only
/// when first written, each with a page fault (5-10 us on this machine) on whichever thread writes it:
/// for a table filled slot by slot, or a hash index written at random, that is an event now and then on
/// the hot path until every page has been used once, which in a quiet market can take hours.
/// </summary>
/// <remarks>Start-up only: the write costs about a millisecond per 10 MB.</remarks>
public static class Prefaulted
{
    /// <summary>A zeroed array of <paramref name="length"/> elements whose every page is in memory.</summary>
    public static T[] Array<T>(int length) => Touch(new T[length]);

    /// <summary>Writes every page of <paramref name="array"/> (zeroing it) and returns it.</summary>
    public static T[] Touch<T>(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        array.AsSpan().Clear();
        return array;
    }
}
