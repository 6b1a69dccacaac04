using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Feeds;
using Feeds.Instruments;
using Feeds.Kraken;

namespace Engine.Bench.Micro;

/// <summary>
/// Cost per message of decoding one Kraken book update line (Utf8JsonReader, the pair lookup, the
/// level change on a 1000-level book) and verifying its CRC32 checksum. The book is XMR/USD from the
/// recorded session in testdata/kraken; two updates alternate (the session's first XMR/USD update and
/// one that undoes it), so the book and both checksums stay right forever. Baseline: the same two
/// lines without their checksum field. The deep variant changes the 100th bid, below the 10 levels
/// the checksum covers, where the book reuses its last checksum.
/// </summary>
[MemoryDiagnoser]
public class KrakenDecodeBenchmarks
{
    private const string Pair = "XMR/USD";
    private const string Price = "354.15000000";
    private const string Ts = "1618678133.365913";

    private KrakenBookDecoder _decoder = null!;
    private byte[] _apply = null!;
    private byte[] _undo = null!;
    private byte[] _applyNoChecksum = null!;
    private byte[] _undoNoChecksum = null!;
    private byte[] _deepApply = null!;
    private byte[] _deepUndo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _decoder = new KrakenBookDecoder(new InstrumentTable(16), new DiscardingSink());
        string snapshot = File.ReadLines(SessionPath()).First(line => line.Contains("\"as\":", StringComparison.Ordinal) && line.Contains(Pair, StringComparison.Ordinal));
        KrakenDecodeResult loaded = _decoder.Decode(Encoding.ASCII.GetBytes(snapshot[(snapshot.IndexOf(": ", StringComparison.Ordinal) + 2)..]), 0);
        KrakenBook book = _decoder.Book(loaded.InstrumentId)!;
        uint before = book.ComputeChecksum();
        string previousVolume = "0.00000000";
        for (int rank = 0; rank < book.Bids.Count; rank++)
        {
            if (book.Bids[rank].PriceTicks == 35_415_000_000)
            {
                previousVolume = Eighths(book.Bids[rank].VolumeDigits);
            }
        }
        _apply = Line(Price, "5.00000000", "2583817756");
        _undo = Line(Price, previousVolume, before.ToString(CultureInfo.InvariantCulture));
        _applyNoChecksum = Line(Price, "5.00000000", null);
        _undoNoChecksum = Line(Price, previousVolume, null);
        KrakenLevel deep = book.Bids[100];
        _deepApply = Line(Eighths(deep.PriceDigits), Eighths(deep.VolumeDigits + 1), before.ToString(CultureInfo.InvariantCulture));
        _deepUndo = Line(Eighths(deep.PriceDigits), Eighths(deep.VolumeDigits), before.ToString(CultureInfo.InvariantCulture));
        _decoder.Decode(_apply, 0);
        _decoder.Decode(_undo, 0);
        _decoder.Decode(_deepApply, 0);
        _decoder.Decode(_deepUndo, 0);
        if (_decoder.Counters.ChecksumsVerified != 4)
        {
            throw new InvalidOperationException("the benchmark's update lines do not verify against the recorded book");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 2)]
    public long DecodeUpdateWithoutChecksum()
    {
        _decoder.Decode(_applyNoChecksum, 0);
        _decoder.Decode(_undoNoChecksum, 0);
        return _decoder.Counters.Messages;
    }

    [Benchmark(OperationsPerInvoke = 2)]
    public long DecodeUpdateAndVerifyChecksum()
    {
        _decoder.Decode(_apply, 0);
        _decoder.Decode(_undo, 0);
        return _decoder.Counters.ChecksumsVerified;
    }

    [Benchmark(OperationsPerInvoke = 2)]
    public long DecodeDeepUpdateAndVerifyChecksum()
    {
        _decoder.Decode(_deepApply, 0);
        _decoder.Decode(_deepUndo, 0);
        return _decoder.Counters.ChecksumsVerified;
    }

    /// <summary>Digits sent with 8 decimals (XMR/USD prices and every volume) back to their text.</summary>
    private static string Eighths(long digits) => string.Create(CultureInfo.InvariantCulture, $"{digits / 100_000_000}.{digits % 100_000_000:D8}");

    private static byte[] Line(string price, string volume, string? checksum)
    {
        string c = checksum is null ? "" : $",\"c\":\"{checksum}\"";
        return Encoding.ASCII.GetBytes($"[992,{{\"b\":[[\"{price}\",\"{volume}\",\"{Ts}\"]]{c}}},\"book-1000\",\"{Pair}\"]");
    }

    private static string SessionPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "testdata", "kraken", "KRAKEN.ws.50.0");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("testdata/kraken/KRAKEN.ws.50.0 not found above " + AppContext.BaseDirectory);
    }

    private sealed class DiscardingSink : IMarketDataSink
    {
        public void Publish(in MarketDataEvent marketEvent)
        {
        }
    }
}
