using System.Text.Json;
using Engine.Replay;
using Engine.Tests.Support;

namespace Engine.Tests.Oracles;

/// <summary>
/// <c>replay --format lobster</c> against the LOBSTER AAPL sample in <c>testdata/lobster</c>: all
/// 998 transitions of its 999 rows must agree, and copies with a corrupted row must not.
/// </summary>
public sealed class LobsterOracleTests
{
    private const string MessageFile = "AAPL_2012-06-21_34200000_57600000_message_10.csv";
    private const string OrderbookFile = "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv";

    private string _temp = "";

    private static string Sample(string file) => Path.Combine(RepositoryPaths.Root(), "testdata", "lobster", file);

    [SetUp]
    public void CreateTempFolder()
    {
        _temp = Path.Combine(Path.GetTempPath(), "lobster-oracle-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_temp);
    }

    [TearDown]
    public void DeleteTempFolder() => Directory.Delete(_temp, recursive: true);

    private static (int ExitCode, JsonElement Summary, string Stderr) Replay(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = ReplayCommand.Run(["--format", "lobster", .. args], stdout, stderr);
        string lastLine = stdout.ToString().TrimEnd().Split('\n')[^1];
        return (exitCode, JsonDocument.Parse(lastLine).RootElement.Clone(), stderr.ToString());
    }

    private static long Get(JsonElement summary, string key) => summary.GetProperty(key).GetInt64();

    /// <summary>Writes a copy of the orderbook with <paramref name="change"/> applied to the fields of 1-based row <paramref name="row"/>.</summary>
    private string CorruptedOrderbook(int row, Action<string[]> change)
    {
        string[] lines = File.ReadAllLines(Sample(OrderbookFile));
        string[] fields = lines[row - 1].Split(',');
        change(fields);
        lines[row - 1] = string.Join(',', fields);
        string path = Path.Combine(_temp, "orderbook.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Test]
    public void Replay_AaplSample_All998TransitionsAgree()
    {
        string top = Path.Combine(_temp, "top.csv");

        var (exitCode, summary, stderr) = Replay("--messages", Sample(MessageFile), "--orderbook", Sample(OrderbookFile), "--levels", "10", "--out", top);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(Get(summary, "rows"), Is.EqualTo(999));
            Assert.That(Get(summary, "checked"), Is.EqualTo(998));
            Assert.That(Get(summary, "mismatches"), Is.Zero);
            string[] topLines = File.ReadAllLines(top);
            Assert.That(topLines, Has.Length.EqualTo(999), "a header and one line per checked message");
            Assert.That(topLines[1], Is.EqualTo("2,34200004260640,5853300,18,5859400,200,Normal"));
        }
    }

    [Test]
    public void Replay_FilesWithHeaderRows_GiveTheSameResultWithoutLevels()
    {
        string messages = Path.Combine(_temp, "messages.csv");
        string orderbook = Path.Combine(_temp, "orderbook.csv");
        File.WriteAllText(messages, "Time,Type,OrderID,Size,Price,Direction\n" + File.ReadAllText(Sample(MessageFile)));
        string header = string.Join(',', Enumerable.Range(1, 10).Select(i => $"AskPrice{i},AskSize{i},BidPrice{i},BidSize{i}"));
        File.WriteAllText(orderbook, header + "\n" + File.ReadAllText(Sample(OrderbookFile)));

        var (exitCode, summary, stderr) = Replay("--messages", messages, "--orderbook", orderbook);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, stderr);
            Assert.That(Get(summary, "rows"), Is.EqualTo(999));
            Assert.That(Get(summary, "checked"), Is.EqualTo(998));
            Assert.That(Get(summary, "mismatches"), Is.Zero);
        }
    }

    [Test]
    public void Replay_OneSizeChangedInTheWindow_ReportsMismatchesAndExits1()
    {
        // Row 500's best ask size, one share too many: the transition into it and the one seeded from it disagree.
        string orderbook = CorruptedOrderbook(500, fields => fields[1] = (long.Parse(fields[1]) + 1).ToString());

        var (exitCode, summary, stderr) = Replay("--messages", Sample(MessageFile), "--orderbook", orderbook, "--levels", "10");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(Get(summary, "checked"), Is.EqualTo(998));
            Assert.That(Get(summary, "mismatches"), Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("mismatch at row 500"));
        }
    }

    [Test]
    public void Replay_DeepestLevelChanged_IsStillCaughtWhereTheBookKnowsIt()
    {
        // Row 300's tenth bid: the book seeded from row 299 knows that level, so row 300 must match it.
        string orderbook = CorruptedOrderbook(300, fields => fields[39] = (long.Parse(fields[39]) + 100).ToString());

        var (exitCode, summary, _) = Replay("--messages", Sample(MessageFile), "--orderbook", orderbook, "--levels", "10");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(Get(summary, "mismatches"), Is.GreaterThanOrEqualTo(1));
        }
    }

    [Test]
    public void Replay_MalformedMessageLine_IsReportedWithItsLineNumberAndExits1()
    {
        string[] lines = File.ReadAllLines(Sample(MessageFile));
        lines[9] = "34200.1,1,oops,18,5853300,1";
        string messages = Path.Combine(_temp, "messages.csv");
        File.WriteAllLines(messages, lines);

        var (exitCode, summary, stderr) = Replay("--messages", messages, "--orderbook", Sample(OrderbookFile), "--levels", "10");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(Get(summary, "rows"), Is.EqualTo(999));
            Assert.That(Get(summary, "checked"), Is.EqualTo(997), "the transition of the bad line is not checked");
            Assert.That(Get(summary, "mismatches"), Is.Zero);
            Assert.That(stderr, Does.Contain("messages.csv:10: BadNumber"));
        }
    }

    [Test]
    public void Replay_MissingFile_IsABadCommandLine()
    {
        var stderr = new StringWriter();

        int exitCode = ReplayCommand.Run(["--format", "lobster", "--messages", Path.Combine(_temp, "none.csv"), "--orderbook", Sample(OrderbookFile)], new StringWriter(), stderr);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(64));
            Assert.That(stderr.ToString(), Does.Contain("file not found"));
        }
    }
}
