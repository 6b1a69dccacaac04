using System.Text.Json;
using Engine.Replay;
using Engine.Tests.Feeds.Itch;
using Engine.Tests.Feeds.MoldUdp;
using Engine.Tests.Feeds.Pcap;
using Feeds.Itch;

namespace Engine.Tests.Replay;

public sealed class ItchReplayTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("itch-replay-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static (int Exit, JsonElement Summary, string Errors) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = ReplayCommand.Run(args, stdout, stderr);
        string output = stdout.ToString().TrimEnd();
        var summary = output.Length == 0 ? default : JsonDocument.Parse(output.Split('\n')[^1]).RootElement.Clone();
        return (exit, summary, stderr.ToString());
    }

    private static byte[][] SmallDay() =>
    [
        ItchMessageBuilder.Directory(1, "ABC"),
        ItchMessageBuilder.AddOrder(1, 10, 'B', 100, "ABC", 5000),
        ItchMessageBuilder.AddOrder(1, 11, 'S', 200, "ABC", 5100),
        ItchMessageBuilder.Delete(1, 10),
    ];

    [Test]
    public void Run_ItchWithoutFile_IsABadCommandLine()
    {
        var (exit, _, errors) = Run("--format", "itch");

        Assert.That(exit, Is.EqualTo(64));
        Assert.That(errors, Does.Contain("--file"));
    }

    [Test]
    public void Run_UnknownOption_IsABadCommandLineNamingIt()
    {
        string file = Path.GetTempFileName();
        try
        {
            var (exit, _, errors) = Run("--format", "itch", "--file", file, "--bogus", "1");

            Assert.That(exit, Is.EqualTo(64));
            Assert.That(errors, Does.Contain("replay: unknown option --bogus"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Run_ItchWithOut_WritesAHeaderAndOneCsvLinePerEvent()
    {
        string file = Write("day.itch", ItchMessageBuilder.BinaryFile(false, SmallDay()));
        string csv = Path.Combine(_directory, "out.csv");

        var (exit, summary, errors) = Run("--format", "itch", "--file", file, "--out", csv);

        Assert.That(exit, Is.Zero, errors);
        Assert.That(summary.GetProperty("events").GetInt64(), Is.EqualTo(3));
        var lines = File.ReadAllLines(csv);
        Assert.That(lines[0], Is.EqualTo(ItchReplaySink.CsvHeader));
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[1], Does.StartWith("0,0,ABC,Add,10,0,Buy,5000,100,0,"));
    }

    [Test]
    public void Run_ItchCommand_ReportsFromTheEngineBooks()
    {
        string file = Write("day.itch", ItchMessageBuilder.BinaryFile(true, SmallDay()));

        var (exit, summary, errors) = Run("--format", "itch", "--file", file, "--instruments", "8");

        Assert.That(exit, Is.Zero);
        Assert.That(summary.GetProperty("unknownReferences").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(summary.GetProperty("bookTop").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(errors, Does.Not.Contain("no order book"));
    }

    [Test]
    public void Run_ItchWithABook_PrintsTheTopOfEveryStock()
    {
        string file = Write("day.itch", ItchMessageBuilder.BinaryFile(true, SmallDay()));
        var stdout = new StringWriter();

        int exit = ItchReplay.Run(ReplayArguments.Parse(["--file", file]), stdout, TextWriter.Null, new ReferenceReplayBook());

        Assert.That(exit, Is.Zero);
        var top = JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("bookTop").GetProperty("ABC");
        Assert.That(top.GetProperty("bidQty").GetInt64(), Is.Zero);
        Assert.That(top.GetProperty("askTicks").GetInt64(), Is.EqualTo(5100));
        Assert.That(top.GetProperty("askQty").GetInt64(), Is.EqualTo(200));
    }

    [Test]
    public void Run_PcapItch_CountsTypesAndReportsGaps()
    {
        byte[][] frames =
        [
            PcapBuilder.UdpFrame(MoldUdp64PacketBuilder.Packet("S1", 1, SmallDay()[..2])),
            PcapBuilder.UdpFrame(MoldUdp64PacketBuilder.Packet("S1", 7, SmallDay()[2..])),
        ];
        string file = Write("day.pcap", PcapBuilder.File(frames));
        string csv = Path.Combine(_directory, "out.csv");

        var (exit, summary, errors) = Run("--format", "pcap-itch", "--file", file, "--out", csv);

        Assert.That(exit, Is.Zero, errors);
        Assert.That(summary.GetProperty("capture").GetString(), Is.EqualTo("Completed"));
        Assert.That(summary.GetProperty("messages").GetInt64(), Is.EqualTo(4));
        Assert.That(summary.GetProperty("types").GetProperty("A").GetInt64(), Is.EqualTo(2));
        Assert.That(summary.GetProperty("sequence").GetProperty("gaps").GetInt64(), Is.EqualTo(1));
        Assert.That(summary.GetProperty("sequence").GetProperty("missingMessages").GetInt64(), Is.EqualTo(4));
        Assert.That(File.ReadAllLines(csv), Has.Length.EqualTo(1 + 4));
    }

    [Test]
    public void Run_PcapItchOnAFileThatIsNoPcap_ExitsOneAndSaysSo()
    {
        string file = Write("bad.pcap", ItchMessageBuilder.BinaryFile(false, SmallDay()));

        var (exit, summary, errors) = Run("--format", "pcap-itch", "--file", file);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(summary.GetProperty("capture").GetString(), Is.EqualTo("BadMagic"));
        Assert.That(errors, Does.Contain("malformed"));
    }

    [Test]
    public void Run_PcapItchOnTheOmiAddOrderCapture_CountsFiveAddOrders()
    {
        string file = Path.Combine(Support.RepositoryPaths.Root(), "testdata", "itch50", "omi-pcap", "AddOrderNoMPID.pcap");

        var (exit, summary, _) = Run("--format", "pcap-itch", "--file", file);

        Assert.That(exit, Is.Zero);
        Assert.That(summary.GetProperty("types").GetProperty(((char)ItchMessageType.AddOrder).ToString()).GetInt64(), Is.EqualTo(5));
        Assert.That(summary.GetProperty("sequence").GetProperty("unsequencedPackets").GetInt64(), Is.EqualTo(5));
    }
}
