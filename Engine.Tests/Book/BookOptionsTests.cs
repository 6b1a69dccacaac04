using Engine.Book;
using Engine.Config;
using Feeds.Synthetic;

namespace Engine.Tests.Book;

public sealed class BookOptionsTests
{
    private static List<string> Validate(BookOptions options)
    {
        var errors = new List<string>();
        options.Validate("book", errors);
        return errors;
    }

    [Test]
    public void Validate_Defaults_ReportsNothing()
    {
        Assert.That(Validate(new BookOptions()), Is.Empty);
    }

    [TestCase(0)]
    [TestCase(100_001)]
    public void Validate_InstrumentsOutOfRange_ReportsIt(int instruments)
    {
        Assert.That(Validate(new BookOptions { Instruments = instruments }), Has.One.StartsWith("book.instruments:"));
    }

    [TestCase(0)]
    [TestCase(67_108_865)]
    public void Validate_MaxOrdersOutOfRange_ReportsIt(int maxOrders)
    {
        Assert.That(Validate(new BookOptions { MaxOrders = maxOrders }), Has.One.StartsWith("book.maxOrders:"));
    }

    [TestCase(0)]
    [TestCase(65_537)]
    public void Validate_MaxLevelsOutOfRange_ReportsIt(int maxLevels)
    {
        Assert.That(Validate(new BookOptions { MaxLevelsPerSide = maxLevels }), Has.One.StartsWith("book.maxLevelsPerSide:"));
    }

    [Test]
    public void Validate_FewerBooksThanSyntheticInstruments_ReportsBookInstruments()
    {
        var options = new EngineOptions { Book = new BookOptions { Instruments = 2 }, Synthetic = new SyntheticFeedOptions { Instruments = 4 } };

        Assert.That(options.Validate(), Is.EqualTo(new[] { "book.instruments: 2 is fewer than synthetic.instruments (4); every instrument needs a book" }));
    }
}
