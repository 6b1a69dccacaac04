using System.Runtime.CompilerServices;

namespace Engine.Numerics;

/// <summary>Integer arithmetic shared by the slippage estimator and the position table: division rounded in a chosen direction and a ceiling square root.</summary>
internal static class FixedPoint
{
    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> (denominator &gt; 0), rounded up toward +infinity.</summary>
    /// <remarks>A numerator that fits 64 bits (the usual case) takes one 64-bit division; <see cref="Int128"/> division is several times slower.</remarks>
    public static Int128 DivideCeiling(Int128 numerator, long denominator)
    {
        if (numerator >= long.MinValue && numerator <= long.MaxValue)
        {
            var (quotient, remainder) = Math.DivRem((long)numerator, denominator);
            return remainder > 0 ? quotient + 1 : quotient;
        }
        return DivideCeilingWide(numerator, denominator);
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> (denominator &gt; 0), rounded down toward -infinity.</summary>
    public static Int128 DivideFloor(Int128 numerator, long denominator)
    {
        if (numerator >= long.MinValue && numerator <= long.MaxValue)
        {
            var (quotient, remainder) = Math.DivRem((long)numerator, denominator);
            return remainder < 0 ? quotient - 1 : quotient;
        }
        return DivideFloorWide(numerator, denominator);
    }

    /// <summary>The smallest integer whose square is at least <paramref name="value"/>: ceil(sqrt(value)).</summary>
    /// <remarks>Newton's iteration from a power of two above the root; it descends to floor(sqrt), at most about 6 steps for 64 bits.</remarks>
    public static ulong SqrtCeiling(ulong value)
    {
        if (value < 2)
        {
            return value;
        }
        int bits = 64 - System.Numerics.BitOperations.LeadingZeroCount(value);
        ulong root = 1UL << ((bits + 1) / 2);
        while (true)
        {
            ulong next = (root + (value / root)) >> 1;
            if (next >= root)
            {
                break;
            }
            root = next;
        }
        return root * root < value ? root + 1 : root;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Int128 DivideCeilingWide(Int128 numerator, long denominator)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        return remainder > 0 ? quotient + 1 : quotient;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Int128 DivideFloorWide(Int128 numerator, long denominator)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
