namespace Engine.Slippage;

/// <summary>The integer arithmetic of the estimator: division rounded in a chosen direction and a ceiling square root.</summary>
internal static class FixedPoint
{
    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> (denominator &gt; 0), rounded up toward +infinity.</summary>
    public static Int128 DivideCeiling(Int128 numerator, Int128 denominator)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        return remainder > 0 ? quotient + 1 : quotient;
    }

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/> (denominator &gt; 0), rounded down toward -infinity.</summary>
    public static Int128 DivideFloor(Int128 numerator, Int128 denominator)
    {
        var (quotient, remainder) = Int128.DivRem(numerator, denominator);
        return remainder < 0 ? quotient - 1 : quotient;
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
}
