using System.Runtime.InteropServices;

namespace Engine.Ring;

/// <summary>Padding constants shared by every type that keeps a hot field on its own cache lines.</summary>
/// <remarks>
/// 128 bytes is two 64-byte lines: the adjacent-line prefetcher on x86 pulls lines in pairs, so one
/// line of padding is not enough to stop two cores from fighting over a pair (Agrona uses the same).
/// The runtime ignores <c>StructLayout.Size</c> on classes: an object ends after its last field. So
/// every padded class also declares a trailing guard field <see cref="PaddingBytes"/> past its hot
/// fields; without it the next object on the heap would share the hot line (measured: the ring's
/// own fields sat beside the cursor and halved 1P-1C throughput).
/// </remarks>
internal static class CacheLine
{
    /// <summary>Bytes of padding before and after a hot field.</summary>
    public const int PaddingBytes = 128;

    /// <summary>Bytes in one cache line.</summary>
    public const int Bytes = 64;

    /// <summary>Bytes from the start of <paramref name="pinned"/>'s data to the next line boundary (0 when it starts on one); the array must not move.</summary>
    public static int BytesToNextLine(Block[] pinned) =>
        (int)(-Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0).ToInt64() & (Bytes - 1));

    /// <summary>One cache line of raw storage: what rings lay their slots over.</summary>
    [StructLayout(LayoutKind.Sequential, Size = Bytes)]
    internal struct Block
    {
        private long _first;
    }
}
