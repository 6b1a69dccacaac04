using Engine.Logging;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Logging;

/// <summary>The level of a category: the longest matching prefix, else the minimum.</summary>
public sealed class LogLevelTableTests
{
    private static readonly LogLevelTable s_table = new(new LoggingOptions
    {
        MinimumLevel = LogLevel.Information,
        Levels = new() { ["Engine"] = LogLevel.Warning, ["Engine.Venues"] = LogLevel.Debug, ["Engine.Venues.Alpaca"] = LogLevel.Trace, ["engine.book"] = LogLevel.Error },
    });

    [TestCase("Engine.Venues.Alpaca.AlpacaRestClient", LogLevel.Trace)]
    [TestCase("Engine.Venues.Paper", LogLevel.Debug)]
    [TestCase("Engine.Host", LogLevel.Warning)]
    [TestCase("Engine.Book.OrderBook", LogLevel.Error)]
    [TestCase("Microsoft.AspNetCore", LogLevel.Information)]
    public void LevelFor_Category_IsTheLongestMatchingPrefixsLevel(string category, LogLevel expected) =>
        Assert.That(s_table.LevelFor(category), Is.EqualTo(expected));
}
