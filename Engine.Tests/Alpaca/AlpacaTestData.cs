using Feeds.Instruments;

namespace Engine.Tests.Alpaca;

/// <summary>Instruments and frames of the Alpaca tests, the frames taken from stock-pricing-data-realtime.md.</summary>
internal static class AlpacaTestData
{
    public const int Aapl = 0;
    public const int Amd = 1;
    public const int Spy = 2;

    public const string Trade = """[{"T":"t","i":96921,"S":"AAPL","x":"D","p":126.55,"s":1,"t":"2021-02-22T15:51:44.208Z","c":["@","I"],"z":"C"}]""";

    public const string ThreeQuotes = """[{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"X","ap":87.67,"as":1,"t":"2021-02-22T15:51:45.3355677Z","c":["R"],"z":"C"},{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"Q","ap":87.68,"as":4,"t":"2021-02-22T15:51:45.335689322Z","c":["R"],"z":"C"},{"T":"q","S":"AMD","bx":"U","bp":87.66,"bs":1,"ax":"X","ap":87.67,"as":1,"t":"2021-02-22T15:51:45.335806018Z","c":["R"],"z":"C"}]""";

    public const string MinuteBar = """[{"T":"b","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":49378,"t":"2021-02-22T19:15:00Z"}]""";

    public const string DailyBar = """[{"T":"d","S":"SPY","o":388.985,"h":389.13,"l":388.975,"c":389.12,"v":749378,"t":"2021-02-16T04:00:00Z"}]""";

    public const string Halt = """[{"T":"s","S":"AAPL","sc":"H","sm":"Trading Halt","rc":"T12","rm":"Trading Halted; For information requested by NASDAQ","t":"2021-02-22T19:15:00Z","z":"C"}]""";

    /// <summary>Nanoseconds since the Unix epoch of a UTC date-time plus a nanosecond fraction.</summary>
    public static long UnixNs(int year, int month, int day, int hour, int minute, int second, long fractionNs = 0) =>
        (new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000_000) + fractionNs;

    /// <summary>AAPL, AMD, SPY at 4 decimals (1 tick = $0.0001), ids 0, 1, 2.</summary>
    public static InstrumentTable Instruments()
    {
        var table = new InstrumentTable(8);
        table.GetOrAdd("AAPL", 4, venue: "ALPACA");
        table.GetOrAdd("AMD", 4, venue: "ALPACA");
        table.GetOrAdd("SPY", 4, venue: "ALPACA");
        return table;
    }
}
