using System.Numerics;
using CsCheck;
using Engine.Book;
using Engine.Risk;

namespace Engine.Tests.Risk;

/// <summary>
/// The price collar's arithmetic (<c>RiskEngine.WithinCollar</c>) against exact arithmetic, on both
/// sides of its switch from long to Int128 and at the edge of the collar itself, where a rounding or
/// an overflow would show.
/// </summary>
public sealed class RiskCollarPropertyTests
{
    // Around the bounds of the long path: a price of 2^31 ticks, a reference of 2^45 sub-ticks, a collar of 2^16 bps.
    private static readonly Gen<long> s_price = Gen.OneOf(Gen.Long[0, 100_000_000], Gen.Long[(1L << 31) - 1_000, (1L << 31) + 1_000], Gen.Long[0, 1L << 40]);
    private static readonly Gen<long> s_reference = Gen.OneOf(Gen.Long[1, 1_000_000_000_000], Gen.Long[(1L << 45) - 1_000, (1L << 45) + 1_000], Gen.Long[1, 1L << 50]);
    private static readonly Gen<long> s_collar = Gen.OneOf(Gen.Long[0, 10_000], Gen.Long[(1L << 16) - 10, (1L << 16) + 10], Gen.Long[0, 1L << 20]);

    private static BigInteger Distance(long priceTicks, long referenceSubTicks) =>
        BigInteger.Abs(((BigInteger)priceTicks * OrderBook.SubTicksPerTick) - referenceSubTicks);

    private static bool Exact(long priceTicks, long referenceSubTicks, long collarBps) =>
        Distance(priceTicks, referenceSubTicks) * 10_000 <= (BigInteger)collarBps * referenceSubTicks;

    [Test]
    public void WithinCollar_AnyPriceReferenceAndCollar_AgreesWithExactArithmetic()
    {
        Gen.Select(s_price, s_reference, s_collar).Sample(
            (price, reference, collar) => RiskEngine.WithinCollar(price, reference, collar) == Exact(price, reference, collar),
            iter: 200_000);
    }

    [Test]
    public void WithinCollar_PriceExactlyAtTheCollarsEdge_IsInsideAndOneBpLessIsOutside()
    {
        // Reference 10^8 x m sub-ticks, price m x (10,000 +- bps) ticks: exactly bps away. Both paths
        // (m up to 10^7 puts the reference past 2^45).
        Gen.Select(Gen.OneOf(Gen.Long[1, 350_000], Gen.Long[1, 10_000_000]), Gen.Long[1, 10_000], Gen.Bool).Sample(
            (m, collar, above) =>
            {
                long reference = 100_000_000 * m;
                long price = m * (above ? 10_000 + collar : 10_000 - collar);
                return RiskEngine.WithinCollar(price, reference, collar) && !RiskEngine.WithinCollar(price, reference, collar - 1)
                    && Exact(price, reference, collar) && !Exact(price, reference, collar - 1);
            },
            iter: 200_000);
    }
}
