using BenchmarkDotNet.Attributes;
using Engine.Book;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Bench.Micro;

/// <summary>
/// ITCH 5.0 decoding throughput on one core: the RITCH sample BinaryFILE (12,012 messages), held in
/// memory and decoded whole per invocation, into a sink that only folds each event into a checksum,
/// and into the engine's L3 order books.
/// Per operation = per message. The baseline only walks the frames (the floor of touching the bytes).
/// </summary>
[MemoryDiagnoser]
public class ItchDecodeBenchmarks
{
    private const int MessagesInFile = 12_012;

    private byte[] _file = null!;
    private ItchBinaryFileReader _reader = null!;
    private ChecksumSink _sink = null!;
    private OrderBooks _books = null!;
    private ItchBinaryFileReader _bookReader = null!;

    [GlobalSetup]
    public void Setup()
    {
        _file = File.ReadAllBytes(SampleFile());
        _sink = new ChecksumSink();
        _reader = new ItchBinaryFileReader(new ItchDecoder(new InstrumentTable(16), _sink));
        _reader.DecodeAll(_file, 0);
        if (_reader.Frames != MessagesInFile || _reader.MalformedFrames != 0)
        {
            throw new InvalidOperationException($"the sample decoded to {_reader.Frames} frames, {_reader.MalformedFrames} malformed");
        }
        _books = new OrderBooks(new BookOptions { Instruments = 16, MaxOrders = 65_536 });
        _bookReader = new ItchBinaryFileReader(new ItchDecoder(new InstrumentTable(16), new BookSink(_books)));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesInFile)]
    public long WalkFramesOnly()
    {
        long sum = 0;
        var bytes = _file.AsSpan();
        for (int offset = 0; offset < bytes.Length;)
        {
            byte type = bytes[offset + 2];
            sum += type;
            offset += 2 + ItchLayout.MessageLength(type);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = MessagesInFile)]
    public long DecodeFile()
    {
        _reader.DecodeAll(_file, 0);
        return _sink.Checksum;
    }

    /// <summary>
    /// Decode plus full L3 book maintenance: every event applied to the engine's order books, which
    /// start each pass empty (the file's order ids repeat from one pass to the next).
    /// </summary>
    [Benchmark(OperationsPerInvoke = MessagesInFile)]
    public long DecodeFileIntoBooks()
    {
        for (int id = 0; id < _books.Count; id++)
        {
            _books[id].Clear();
        }
        _bookReader.DecodeAll(_file, 0);
        return _books[0].OrderCount;
    }

    /// <summary>The sample file, found by walking up from the benchmark's folder to the repository.</summary>
    private static string SampleFile()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Engine.sln")))
        {
            directory = directory.Parent;
        }
        return directory is null
            ? throw new FileNotFoundException("no Engine.sln above " + AppContext.BaseDirectory)
            : Path.Combine(directory.FullName, "testdata", "itch50", "ex20101224.TEST_ITCH_50");
    }

    private sealed class BookSink(OrderBooks books) : IMarketDataSink
    {
        public void Publish(in MarketDataEvent marketEvent)
        {
            var e = marketEvent;
            books.Apply(ref e);
        }
    }

    private sealed class ChecksumSink : IMarketDataSink
    {
        public long Checksum;

        public void Publish(in MarketDataEvent marketEvent) => Checksum += marketEvent.OrderId ^ marketEvent.PriceTicks;
    }
}
