using System.Numerics;
using CsCheck;
using Engine.Risk;

namespace Engine.Tests.Risk;

/// <summary>
/// An order's notional in cents (<c>InstrumentRules.NotionalCents</c>) at every price and quantity
/// scale: hand-computed cases, and exact arithmetic on both sides of its switch from long to Int128.
/// </summary>
public sealed class InstrumentRulesNotionalTests
{
    private static InstrumentRules Rules(int priceDecimals, int quantityDecimals) =>
        new(new RiskInstrumentOptions { PriceDecimals = priceDecimals, QuantityDecimals = quantityDecimals });

    // ceil(quantity x price ticks x 100 / (10^price decimals x 10^quantity decimals)), at most long.MaxValue; 0 for nothing.
    private static long Exact(long quantity, long priceTicks, int priceDecimals, int quantityDecimals)
    {
        if (quantity <= 0 || priceTicks <= 0)
        {
            return 0;
        }
        var divisor = BigInteger.Pow(10, priceDecimals + quantityDecimals);
        var cents = ((quantity * (BigInteger)priceTicks * 100) + divisor - 1) / divisor;
        return cents > long.MaxValue ? long.MaxValue : (long)cents;
    }

    [TestCase(2, 0, 100L, 10_000L, 1_000_000L)] // 100 shares at $100.00
    [TestCase(4, 0, 100L, 1_000_000L, 1_000_000L)] // the same at four decimals
    [TestCase(5, 8, 50_000_000L, 5_621_840_000L, 2_810_920L)] // 0.5 XBT at 56,218.40000 CHF: 28,109.20
    [TestCase(5, 8, 3_000_000_000L, 5_621_840_000L, 168_655_200L)] // 30 XBT: past 2^31 units, the Int128 path
    [TestCase(5, 8, 1L, 5_621_840_000L, 1L)] // one hundred-millionth of a coin: 0.00056 CHF, rounded up to a cent
    [TestCase(1, 3, 1_500L, 123L, 1_845L)] // 1.5 units at 12.3: 18.45
    public void NotionalCents_HandComputed(int priceDecimals, int quantityDecimals, long quantity, long priceTicks, long cents)
    {
        Assert.That(Rules(priceDecimals, quantityDecimals).NotionalCents(quantity, priceTicks), Is.EqualTo(cents));
    }

    [Test]
    public void NotionalCents_AnyScaleQuantityAndPrice_AgreesWithExactArithmetic()
    {
        var quantity = Gen.OneOf(Gen.Long[0, 1_000_000], Gen.Long[(1L << 31) - 1_000, (1L << 31) + 1_000], Gen.Long[0, 1_000_000_000_000_000]);
        var price = Gen.OneOf(Gen.Long[0, 1_000_000], Gen.Long[(1L << 31) - 1_000, (1L << 31) + 1_000], Gen.Long[0, 1_000_000_000_000]);
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 8], quantity, price).Sample(
            (pd, qd, q, p) => Rules(pd, qd).NotionalCents(q, p) == Exact(q, p, pd, qd),
            iter: 100_000);
    }
}
