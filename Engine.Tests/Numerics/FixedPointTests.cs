using Engine.Numerics;

namespace Engine.Tests.Numerics;

public sealed class FixedPointTests
{
    [TestCase(0UL, 0UL)]
    [TestCase(1UL, 1UL)]
    [TestCase(2UL, 2UL)]
    [TestCase(4UL, 2UL)]
    [TestCase(5UL, 3UL)]
    [TestCase(18_446_744_065_119_617_025UL, 4_294_967_295UL)]
    [TestCase(18_446_744_065_119_617_026UL, 4_294_967_296UL)]
    [TestCase(ulong.MaxValue, 4_294_967_296UL)]
    public void SqrtCeiling_Value_IsTheSmallestRootWhoseSquareCoversIt(ulong value, ulong expected)
    {
        Assert.That(FixedPoint.SqrtCeiling(value), Is.EqualTo(expected));
    }

    [Test]
    public void SqrtCeiling_RandomValues_MatchesTheDefinition()
    {
        var random = new Random(7);
        for (int i = 0; i < 100_000; i++)
        {
            ulong value = (ulong)random.NextInt64() >> random.Next(0, 63);
            var root = (System.Numerics.BigInteger)FixedPoint.SqrtCeiling(value);
            Assert.That(root * root >= value && (root - 1) * (root - 1) < value || value == 0, $"{value}: {root}");
        }
    }

    [TestCase(7, 2, 4, 3)]
    [TestCase(-7, 2, -3, -4)]
    [TestCase(6, 2, 3, 3)]
    [TestCase(-6, 2, -3, -3)]
    public void Divide_SignedValues_RoundsTheWayItsNameSays(long numerator, long denominator, long ceiling, long floor)
    {
        Assert.That((FixedPoint.DivideCeiling(numerator, denominator), FixedPoint.DivideFloor(numerator, denominator)), Is.EqualTo(((Int128)ceiling, (Int128)floor)));
    }

    [Test]
    public void Divide_NumeratorsBeyond64Bits_RoundTheSameWay()
    {
        Int128 big = ((Int128)long.MaxValue * 4) + 1;

        Assert.That((FixedPoint.DivideCeiling(big, 4), FixedPoint.DivideFloor(big, 4)), Is.EqualTo(((Int128)long.MaxValue + 1, (Int128)long.MaxValue)));
        Assert.That((FixedPoint.DivideCeiling(-big, 4), FixedPoint.DivideFloor(-big, 4)), Is.EqualTo((-(Int128)long.MaxValue, -(Int128)long.MaxValue - 1)));
    }
}
