using System.Numerics;

namespace Engine.Tests.Slippage;

/// <summary>
/// The naive estimate the property test checks against: the displayed walk in <see cref="decimal"/>,
/// the square root with <see cref="BigInteger"/> to 20 decimals, and no rounding until the caller compares.
/// </summary>
/// <param name="Levels">The side the order takes from, best first: (price in ticks, quantity).</param>
internal sealed record ReferenceSlippage((long PriceTicks, long Quantity)[] Levels, bool IsBuy, int CoefficientMilli, int VolatilityBps, long AverageDailyVolume)
{
    private static readonly BigInteger s_rootScale = BigInteger.Pow(10, 20);

    /// <summary>Filled quantity, levels consumed, quantity left, and whether the walk stopped at the limit.</summary>
    public (long Filled, int Levels, long Remaining, bool StoppedByLimit, decimal NotionalTicks, long LastTicks) Walk(long quantity, long? limit)
    {
        long remaining = quantity;
        decimal notional = 0;
        int levels = 0;
        long last = 0;
        foreach (var (price, size) in Levels)
        {
            if (remaining == 0)
            {
                break;
            }
            if (limit is long l && (IsBuy ? price > l : price < l))
            {
                return (quantity - remaining, levels, remaining, true, notional, last);
            }
            long take = Math.Min(remaining, size);
            notional += (decimal)price * take;
            remaining -= take;
            last = price;
            levels++;
        }
        return (quantity - remaining, levels, remaining, false, notional, last);
    }

    /// <summary>The model's average price, in sub-ticks, without rounding (but with the cap at 100 times the price and the floor at 0).</summary>
    public decimal ModelPriceSubTicks(long fromPriceTicks, long quantity)
    {
        // sqrt(q / adv) to 20 decimals: floor(sqrt(q x 1e40 / adv)) / 1e20.
        var scaled = BigInteger.Divide(quantity * BigInteger.Pow(10, 40), AverageDailyVolume);
        decimal root = (decimal)Sqrt(scaled) / (decimal)s_rootScale;
        decimal fraction = Math.Min(CoefficientMilli / 1_000m * (VolatilityBps / 10_000m) * root, 100m);
        decimal from = fromPriceTicks * 10_000m;
        return IsBuy ? from + (from * fraction) : Math.Max(0, from - (from * fraction));
    }

    private static BigInteger Sqrt(BigInteger value)
    {
        if (value < 2)
        {
            return value;
        }
        var root = BigInteger.One << (int)((value.GetBitLength() + 1) / 2);
        while (true)
        {
            var next = (root + (value / root)) >> 1;
            if (next >= root)
            {
                return root;
            }
            root = next;
        }
    }
}
