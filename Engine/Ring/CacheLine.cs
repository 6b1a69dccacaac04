namespace Engine.Ring;

/// <summary>Padding constants shared by every type that keeps a hot field on its own cache lines.</summary>
/// <remarks>
/// 128 bytes is two 64-byte lines: the adjacent-line prefetcher on x86 pulls lines in pairs, so one
/// line of padding is not enough to stop two cores from fighting over a pair (Agrona uses the same).
/// </remarks>
internal static class CacheLine
{
    /// <summary>Bytes of padding before and after a hot field.</summary>
    public const int PaddingBytes = 128;

    /// <summary>Size of a padded object holding one 8-byte hot field.</summary>
    public const int PaddedLongSize = (PaddingBytes * 2) + sizeof(long);
}
