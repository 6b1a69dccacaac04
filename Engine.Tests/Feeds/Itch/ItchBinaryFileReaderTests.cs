using System.IO.Pipelines;
using CsCheck;
using Engine.Tests.Feeds.Synthetic;
using Engine.Tests.Support;
using Feeds;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Tests.Feeds.Itch;

public sealed class ItchBinaryFileReaderTests
{
    private static readonly byte[][] s_messages =
    [
        ItchMessageBuilder.Directory(1, "ABC"),
        ItchMessageBuilder.AddOrder(1, 10, 'B', 100, "ABC", 5000),
        ItchMessageBuilder.AddOrder(1, 11, 'S', 200, "ABC", 5100),
        ItchMessageBuilder.Delete(1, 10),
    ];

    private static (ItchBinaryFileReader Reader, ItchDecoder Decoder, RecordingSink Sink) Create()
    {
        var sink = new RecordingSink();
        var decoder = new ItchDecoder(new InstrumentTable(8), sink);
        return (new ItchBinaryFileReader(decoder), decoder, sink);
    }

    private static void ReadChunked(ItchBinaryFileReader reader, byte[] bytes, params int[] chunks)
    {
        var pipe = PipeReader.Create(ChunkedSequence.Split(bytes, chunks));
        Assert.That(reader.ReadAsync(pipe, CancellationToken.None).Wait(TestTimeouts.Join), Is.True, "the reader did not finish");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void DecodeAll_ZeroOrTrueLengthPrefixes_FramesEveryMessage(bool zeroPrefix)
    {
        var (reader, decoder, sink) = Create();

        reader.DecodeAll(ItchMessageBuilder.BinaryFile(zeroPrefix, s_messages), 0);

        Assert.That(reader.Frames, Is.EqualTo(4));
        Assert.That(decoder.Counters.Decoded, Is.EqualTo(4));
        Assert.That(sink.Events.Select(e => e.Kind), Is.EqualTo(new[] { MarketDataKind.Add, MarketDataKind.Add, MarketDataKind.Delete }));
        Assert.That(reader.MalformedFrames, Is.Zero);
    }

    [Test]
    public void DecodeAll_ZeroPrefixBeforeAByteThatIsNoType_SkipsBytesUntilTheNextFrame()
    {
        var (reader, decoder, _) = Create();
        byte[] garbage = [0, 0, (byte)'z', 0xFF];
        var bytes = ItchMessageBuilder.BinaryFile(true, s_messages[0]).Concat(garbage).Concat(ItchMessageBuilder.BinaryFile(true, s_messages[1..])).ToArray();

        reader.DecodeAll(bytes, 0);

        Assert.That(decoder.Counters.Decoded, Is.EqualTo(4));
        Assert.That(reader.ResyncBytes, Is.EqualTo(garbage.Length));
        Assert.That(reader.MalformedFrames, Is.EqualTo(1), "one run of skipped bytes is one malformed place");
    }

    [Test]
    public void DecodeAll_PrefixThatDisagreesWithTheType_IsSkippedAndReadingGoesOn()
    {
        var (reader, decoder, _) = Create();
        var bad = ItchMessageBuilder.BinaryFile(false, s_messages[1]);
        bad[1]--;
        var bytes = bad.Concat(ItchMessageBuilder.BinaryFile(false, s_messages)).ToArray();

        reader.DecodeAll(bytes, 0);

        Assert.That(reader.ResyncBytes, Is.GreaterThan(0));
        Assert.That(decoder.Counters.OfType(ItchMessageType.StockDirectory), Is.EqualTo(1));
        Assert.That(decoder.Counters.OfType(ItchMessageType.AddOrder), Is.EqualTo(2));
        Assert.That(decoder.Counters.OfType(ItchMessageType.OrderDelete), Is.EqualTo(1));
    }

    [Test]
    public void DecodeAll_InputCutInsideAFrame_CountsTheTailAsTruncated()
    {
        var (reader, decoder, _) = Create();
        var bytes = ItchMessageBuilder.BinaryFile(true, s_messages);

        reader.DecodeAll(bytes.AsSpan(0, bytes.Length - 5), 0);

        Assert.That(decoder.Counters.Decoded, Is.EqualTo(3));
        Assert.That(reader.TruncatedBytes, Is.EqualTo(s_messages[3].Length + 2 - 5));
        Assert.That(reader.MalformedFrames, Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(37)]
    [TestCase(4096)]
    public void ReadAsync_FramesCutAcrossSegments_DecodesTheSameAsInMemory(int chunk)
    {
        var bytes = ItchMessageBuilder.BinaryFile(true, s_messages);
        var (reader, decoder, sink) = Create();

        ReadChunked(reader, bytes, chunk);

        Assert.That(decoder.Counters.Decoded, Is.EqualTo(4));
        Assert.That(sink.Events, Has.Count.EqualTo(3));
        Assert.That(reader.MalformedFrames, Is.Zero);
    }

    [Test]
    public void ReadFileAsync_RealFile_ReadsThroughAFileStreamPipe()
    {
        string path = Path.Combine(Path.GetTempPath(), $"itch-{Guid.NewGuid():N}.bin");
        try
        {
            File.WriteAllBytes(path, ItchMessageBuilder.BinaryFile(false, s_messages));
            var (reader, decoder, _) = Create();

            Assert.That(reader.ReadFileAsync(path, CancellationToken.None).Wait(TestTimeouts.Join), Is.True);

            Assert.That(decoder.Counters.Decoded, Is.EqualTo(4));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void ReadAsync_RandomChunkingOfRandomlyDamagedInput_MatchesTheInMemoryReadAndEnds()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            var valid = ItchMessageBuilder.BinaryFile(true, s_messages);
            var damage = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Array[0, 6];
            Gen.Select(damage, Gen.Int[1, 64].Array[1, 8], Gen.Int[0, valid.Length]).Sample((edits, chunks, cut) =>
            {
                var bytes = valid[..cut];
                foreach (var (position, value) in edits)
                {
                    if (position < bytes.Length)
                    {
                        bytes[position] = value;
                    }
                }
                var (memoryReader, memoryDecoder, _) = Create();
                memoryReader.DecodeAll(bytes, 0);
                var (pipeReader, pipeDecoder, _) = Create();
                ReadChunked(pipeReader, bytes, chunks);
                return pipeDecoder.Counters.Decoded == memoryDecoder.Counters.Decoded
                    && pipeDecoder.Counters.Malformed == memoryDecoder.Counters.Malformed
                    && pipeReader.ResyncBytes == memoryReader.ResyncBytes
                    && pipeReader.TruncatedBytes == memoryReader.TruncatedBytes;
            });
        });
    }

    [Test]
    public void DecodeAll_RandomBytes_NeverThrowsAndAccountsForEveryByte()
    {
        FuzzGuard.AssertCompletes(() =>
        {
            Gen.Byte.Array[0, 400].Sample(bytes =>
            {
                var (reader, _, _) = Create();
                int used = reader.DecodeFrames(bytes, 0);
                reader.DecodeAll(bytes, 0);
                return used <= bytes.Length && reader.TruncatedBytes == bytes.Length - used;
            });
        });
    }
}
