using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Engine.Tests.Support;

/// <summary>Which pages of a range of memory the OS has backed (Linux <c>mincore</c>): pre-sized state must be in memory before the first event.</summary>
internal static class Residency
{
    private const long Page = 4_096;

    /// <summary>The pages from <paramref name="first"/> to the end of <paramref name="last"/> (elements of one pinned or large array) not in memory.</summary>
    public static int PagesNotInMemory<T>(ref T first, ref T last)
    {
        long start = AddressOf(ref first) & ~(Page - 1);
        long end = AddressOf(ref last) + Unsafe.SizeOf<T>();
        var resident = new byte[(end - start + Page - 1) / Page];
        if (MinCore((nint)start, (nuint)(end - start), resident) != 0)
        {
            throw new InvalidOperationException($"mincore failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
        return resident.Count(page => (page & 1) == 0);
    }

    /// <summary>The address of <paramref name="value"/>, read without pointers (hold the array still: pinned, or in the large-object heap, which does not move).</summary>
    public static long AddressOf<T>(ref T value) =>
        Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<T, byte>(ref value));

    // DllImport: LibraryImport's generated code needs AllowUnsafeBlocks (see LinuxThreadTuning).
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static extern int MinCore(nint address, nuint length, [Out] byte[] vector);
#pragma warning restore SYSLIB1054
}
