using Engine.Orders;

namespace Engine.Tests.Orders;

public sealed class ClientOrderIdsTests
{
    [Test]
    public void Next_TwoSessionsASecondApart_NeverCollide()
    {
        var first = new ClientOrderIds(1_767_623_400_000_000_000);
        var second = new ClientOrderIds(1_767_623_401_000_000_000);

        long a = first.Next();
        long b = second.Next();

        Assert.That(b - a, Is.EqualTo(1_000_000_000), "a session may send a billion orders before it meets the next");
    }

    [Test]
    public void FormatThenTryParse_RoundTripsWellUnderAlpacasLimit()
    {
        long id = new ClientOrderIds(1_767_623_400_000_000_000).Next();

        string text = ClientOrderIds.Format(id);

        Assert.That(text, Is.EqualTo("eng-1767623400000000001"));
        Assert.That(text.Length, Is.LessThanOrEqualTo(128));
        Assert.That(ClientOrderIds.TryParse(text, out long back), Is.True);
        Assert.That(back, Is.EqualTo(id));
    }

    [TestCase("")]
    [TestCase("eng-")]
    [TestCase("eng--5")]
    [TestCase("eng-12a")]
    [TestCase("my-order-1")]
    [TestCase("eng-0")]
    public void TryParse_NotOurs_IsFalse(string text)
    {
        Assert.That(ClientOrderIds.TryParse(text, out _), Is.False);
    }
}
