using System.Text.Json;
using Engine.Replay;
using Engine.Tests.Feeds.Itch;
using Engine.Tests.Feeds.Synthetic;
using Engine.Tests.Replay;
using Engine.Tests.Support;
using Feeds.Instruments;
using Feeds.Itch;

namespace Engine.Tests.Oracles;

/// <summary>
/// The RITCH sample BinaryFILE (12,012 messages, every length prefix 0) must give exactly the counts
/// RITCH's own tests give; a damaged copy must not, and must be reported as malformed.
/// </summary>
public sealed class ItchFileOracleTests
{
    private static readonly Dictionary<string, long> s_expectedTypes = new()
    {
        ["S"] = 6, ["R"] = 3, ["H"] = 3, ["A"] = 4997, ["F"] = 3, ["E"] = 198, ["X"] = 45, ["D"] = 1745, ["U"] = 12, ["P"] = 5000,
    };

    private static string ItchFile() => Path.Combine(RepositoryPaths.Root(), "testdata", "itch50", "ex20101224.TEST_ITCH_50");

    private static (int Exit, JsonElement Summary, string Errors) Replay(string file, IReplayBook? book = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ItchReplay.Run(ReplayArguments.Parse(["--file", file]), stdout, stderr, book);
        string last = stdout.ToString().TrimEnd().Split('\n')[^1];
        return (exit, JsonDocument.Parse(last).RootElement.Clone(), stderr.ToString());
    }

    [Test]
    public void ReadFileAsync_RitchSample_GivesExactlyTheExpectedCountOfEveryType()
    {
        var decoder = new ItchDecoder(new InstrumentTable(16), new RecordingSink());
        var reader = new ItchBinaryFileReader(decoder);

        Assert.That(reader.ReadFileAsync(ItchFile(), CancellationToken.None).Wait(TestTimeouts.Join), Is.True);

        foreach (var type in Enum.GetValues<ItchMessageType>())
        {
            long expected = s_expectedTypes.GetValueOrDefault(((char)(byte)type).ToString());
            Assert.That(decoder.Counters.OfType(type), Is.EqualTo(expected), type.ToString);
        }
        Assert.That(decoder.Counters.Decoded, Is.EqualTo(12_012));
        Assert.That(decoder.Counters.Malformed + reader.MalformedFrames, Is.Zero);
    }

    [Test]
    public void ItchReplay_RitchSample_PrintsTheExpectedTypeAddAndTradeCounts()
    {
        var (exit, summary, _) = Replay(ItchFile());

        Assert.That(exit, Is.Zero);
        var types = summary.GetProperty("types");
        foreach (var type in types.EnumerateObject())
        {
            Assert.That(type.Value.GetInt64(), Is.EqualTo(s_expectedTypes.GetValueOrDefault(type.Name)), type.Name);
        }
        Assert.That(types.EnumerateObject().Count(), Is.EqualTo(23));
        var adds = summary.GetProperty("adds");
        Assert.That(adds.GetProperty("buy").GetInt64(), Is.EqualTo(2432));
        Assert.That(adds.GetProperty("sell").GetInt64(), Is.EqualTo(2568));
        var addsByStock = adds.GetProperty("byStock");
        Assert.That(addsByStock.GetProperty("ALC").GetProperty("total").GetInt64(), Is.EqualTo(950));
        Assert.That(addsByStock.GetProperty("BOB").GetProperty("total").GetInt64(), Is.EqualTo(2482));
        Assert.That(addsByStock.GetProperty("CHAR").GetProperty("total").GetInt64(), Is.EqualTo(1568));
        var trades = summary.GetProperty("trades").GetProperty("byStock");
        Assert.That(trades.GetProperty("ALC").GetInt64(), Is.EqualTo(1885));
        Assert.That(trades.GetProperty("BOB").GetInt64(), Is.EqualTo(1658));
        Assert.That(trades.GetProperty("CHAR").GetInt64(), Is.EqualTo(1457));
        Assert.That(summary.GetProperty("malformed").GetProperty("total").GetInt64(), Is.Zero);
    }

    /// <remarks>
    /// The best prices at the end were worked out separately (a throwaway script over the same file);
    /// the sample is simulated, and its books end crossed: its trades are prints, not matches.
    /// </remarks>
    [TestCase("ALC", 270_600, 205_400)]
    [TestCase("BOB", 69_667, 53_417)]
    [TestCase("CHAR", 256_500, 195_750)]
    public void ItchReplay_RitchSampleIntoAReferenceBook_Counts117UnknownReferencesAndTheFinalTops(string stock, long bidTicks, long askTicks)
    {
        var (exit, summary, _) = Replay(ItchFile(), new ReferenceReplayBook());

        Assert.That(exit, Is.Zero);
        Assert.That(summary.GetProperty("unknownReferences").GetInt64(), Is.EqualTo(117));
        var top = summary.GetProperty("bookTop").GetProperty(stock);
        Assert.That(top.GetProperty("bidTicks").GetInt64(), Is.EqualTo(bidTicks));
        Assert.That(top.GetProperty("askTicks").GetInt64(), Is.EqualTo(askTicks));
    }

    [TestCase("ALC", 270_600, 100, 205_400, 100)]
    [TestCase("BOB", 69_667, 100, 53_417, 100)]
    [TestCase("CHAR", 256_500, 30, 195_750, 5)]
    public void ItchReplay_RitchSampleThroughTheEngineBooks_AgreesWithTheReferenceBook(string stock, long bidTicks, long bidQty, long askTicks, long askQty)
    {
        var stdout = new StringWriter();
        int exit = ItchReplay.Run(ReplayArguments.Parse(["--file", ItchFile(), "--instruments", "16"]), stdout, new StringWriter());
        var summary = JsonDocument.Parse(stdout.ToString().TrimEnd().Split('\n')[^1]).RootElement;

        Assert.That(exit, Is.Zero);
        Assert.That(summary.GetProperty("unknownReferences").GetInt64(), Is.EqualTo(117));
        var top = summary.GetProperty("bookTop").GetProperty(stock);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(top.GetProperty("bidTicks").GetInt64(), Is.EqualTo(bidTicks));
            Assert.That(top.GetProperty("bidQty").GetInt64(), Is.EqualTo(bidQty));
            Assert.That(top.GetProperty("askTicks").GetInt64(), Is.EqualTo(askTicks));
            Assert.That(top.GetProperty("askQty").GetInt64(), Is.EqualTo(askQty));
        }
    }

    [Test]
    public void ItchReplay_DamagedCopy_IsReportedMalformedAndGivesOtherCounts()
    {
        string copy = Path.Combine(Path.GetTempPath(), $"itch-damaged-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = File.ReadAllBytes(ItchFile());
            // Damage 40 places spread over the file, then cut the last message short.
            for (int i = 1; i <= 40; i++)
            {
                bytes[(int)((long)i * 11_587 % bytes.Length)] ^= 0x5A;
            }
            File.WriteAllBytes(copy, bytes[..^7]);

            var (exit, summary, errors) = Replay(copy);

            Assert.That(exit, Is.EqualTo(1));
            Assert.That(errors, Does.Contain("malformed"));
            var malformed = summary.GetProperty("malformed");
            Assert.That(malformed.GetProperty("total").GetInt64(), Is.GreaterThan(0));
            Assert.That(malformed.GetProperty("truncatedBytes").GetInt64(), Is.GreaterThan(0));
            var types = summary.GetProperty("types");
            bool allAsExpected = types.EnumerateObject().All(t => t.Value.GetInt64() == s_expectedTypes.GetValueOrDefault(t.Name));
            Assert.That(allAsExpected, Is.False);
            Assert.That(summary.GetProperty("messages").GetInt64(), Is.GreaterThan(11_000), "the reader resynchronised and carried on");
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Test]
    public void ReadFileAsync_RitchSample_FirstDirectoryIsAlcWithItsAttributes()
    {
        var listener = new RecordingListener();
        var instruments = new InstrumentTable(16);
        var reader = new ItchBinaryFileReader(new ItchDecoder(instruments, new RecordingSink(), listener));

        Assert.That(reader.ReadFileAsync(ItchFile(), CancellationToken.None).Wait(TestTimeouts.Join), Is.True);

        var (bytes, instrumentId, _) = listener.Messages.First(m => m.Bytes[0] == (byte)ItchMessageType.StockDirectory);
        var r = new ItchMessageReader(bytes);
        Assert.That(r.StockLocate, Is.EqualTo(1));
        Assert.That(r.Stock(ItchLayout.StockDirectory.Stock).ToArray(), Is.EqualTo("ALC     "u8.ToArray()));
        Assert.That(r.UInt32(ItchLayout.StockDirectory.RoundLotSize), Is.EqualTo(100));
        Assert.That((char)r.Char(ItchLayout.StockDirectory.Authenticity), Is.EqualTo('P'));
        Assert.That((char)r.Char(ItchLayout.StockDirectory.LuldReferencePriceTier), Is.EqualTo('2'));
        Assert.That((char)r.Char(ItchLayout.StockDirectory.InverseIndicator), Is.EqualTo('N'));
        Assert.That(instruments[instrumentId].Symbol, Is.EqualTo("ALC"));
        Assert.That(instruments.Count, Is.EqualTo(3));
    }
}
