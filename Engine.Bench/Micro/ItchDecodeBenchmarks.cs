using BenchmarkDotNet.Attributes;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Bench.Micro;

/// <summary>
/// ITCH 5.0 decoding throughput on one core: the RITCH sample BinaryFILE (12,012 messages), held in
/// memory and decoded whole per invocation, into a sink that only folds each event into a checksum.
/// Per operation = per message. The baseline only walks the frames (the floor of touching the bytes).
/// </summary>
[MemoryDiagnoser]
public class ItchDecodeBenchmarks
{
    private const int MessagesInFile = 12_012;

    private byte[] _file = null!;
    private ItchBinaryFileReader _reader = null!;
    private ChecksumSink _sink = null!;

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

    private sealed class ChecksumSink : IMarketDataSink
    {
        public long Checksum;

        public void Publish(in MarketDataEvent marketEvent) => Checksum += marketEvent.OrderId ^ marketEvent.PriceTicks;
    }
}
