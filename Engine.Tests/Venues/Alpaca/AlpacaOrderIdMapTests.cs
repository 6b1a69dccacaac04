using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

public sealed class AlpacaOrderIdMapTests
{
    [Test]
    public void Remember_PastCapacity_ForgetsTheOldestOnly()
    {
        var map = new AlpacaOrderIdMap(3);
        for (int i = 0; i < 5; i++)
        {
            map.Remember("eng-" + i, "venue-" + i);
        }

        Assert.That(map.Count, Is.EqualTo(3));
        Assert.That(map.TryGet("eng-1", out _), Is.False);
        Assert.That(map.TryGet("eng-4", out string id) && id == "venue-4", Is.True);
    }

    [Test]
    public void Remember_SameClientIdAgain_UpdatesWithoutGrowing()
    {
        var map = new AlpacaOrderIdMap(3);
        map.Remember("eng-1", "venue-a");
        map.Remember("eng-1", "venue-b");

        Assert.That(map.Count, Is.EqualTo(1));
        Assert.That(map.TryGet("eng-1", out string id) && id == "venue-b", Is.True);
    }
}
