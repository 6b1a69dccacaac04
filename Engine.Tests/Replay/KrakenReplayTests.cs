using System.Text.Json;
using System.Text.RegularExpressions;
using Engine.Replay;
using Engine.Tests.Support;

namespace Engine.Tests.Replay;

public sealed class KrakenReplayTests
{
    private static string SessionPath() => Path.Combine(RepositoryPaths.Root(), "testdata", "kraken", "KRAKEN.ws.50.0");

    [Test]
    public void Run_RecordedSession_PrintsTheSummaryAsTheLastLineAndExitsZero()
    {
        var (exitCode, summary, _) = Replay("--format", "kraken", "--file", SessionPath());

        Assert.That(exitCode, Is.Zero);
        Assert.That(summary.GetProperty("snapshots").GetInt64(), Is.EqualTo(10));
        Assert.That(summary.GetProperty("updates").GetInt64(), Is.EqualTo(4_269));
        Assert.That(summary.GetProperty("checksumsVerified").GetInt64(), Is.EqualTo(4_269));
        Assert.That(summary.GetProperty("checksumsFailed").GetInt64(), Is.Zero);
        Assert.That(summary.GetProperty("malformed").GetInt64(), Is.Zero);
        Assert.That(summary.GetProperty("books").GetProperty("XMR/USD").GetProperty("valid").GetBoolean(), Is.True);
    }

    [Test]
    public void Run_CopyWithAChangedChecksum_ExitsOne()
    {
        string path = Path.GetTempFileName();
        try
        {
            string[] lines = File.ReadAllLines(SessionPath());
            int update = Array.FindIndex(lines, line => line.Contains("\"c\":\"", StringComparison.Ordinal));
            lines[update] = Regex.Replace(lines[update], "\"c\":\"[0-9]+\"", "\"c\":\"0\"");
            File.WriteAllLines(path, lines);

            var (exitCode, summary, _) = Replay("--format", "kraken", "--file", path);

            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(summary.GetProperty("checksumsFailed").GetInt64(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("malformed").GetInt64(), Is.Zero);
            Assert.That(summary.GetProperty("updatesIgnored").GetInt64(), Is.GreaterThan(0), "the pair's later updates wait for a snapshot");
            Assert.That(summary.GetProperty("resubscribeRequests").GetInt64(), Is.EqualTo(1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Run_WithOut_WritesTheTopOfBookAfterEveryBookMessage()
    {
        string csv = Path.GetTempFileName();
        try
        {
            var (exitCode, _, _) = Replay("--format", "kraken", "--file", SessionPath(), "--out", csv);

            string[] rows = File.ReadAllLines(csv);
            Assert.That(exitCode, Is.Zero);
            Assert.That(rows[0], Is.EqualTo("ts_recv_ns,pair,valid,bid_price,bid_volume,ask_price,ask_volume"));
            Assert.That(rows, Has.Length.EqualTo(1 + 10 + 4_269));
            Assert.That(rows[1], Is.EqualTo("1618678133626511000,ADA/XBT,1,0.000022890,31.75709827,0.000022900,13355.87450757"));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Test]
    public void Run_MissingFile_Returns64()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        int exitCode = ReplayCommand.Run(["--format", "kraken", "--file", "/no/such/file"], stdout, stderr);

        Assert.That(exitCode, Is.EqualTo(64));
        Assert.That(stderr.ToString(), Does.Contain("file not found"));
    }

    [TestCase(0L, 0, "0")]
    [TestCase(2290L, 9, "0.000002290")]
    [TestCase(1_335_587_450_757L, 8, "13355.87450757")]
    [TestCase(-15L, 1, "-1.5")]
    public void FormatFixed_Ticks_GivesDecimalText(long value, int decimals, string expected)
    {
        Assert.That(KrakenTopOfBookCsv.FormatFixed(value, decimals), Is.EqualTo(expected));
    }

    private static (int ExitCode, JsonElement Summary, string Stderr) Replay(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = ReplayCommand.Run(args, stdout, stderr);
        string last = stdout.ToString().TrimEnd().Split('\n')[^1];
        using var document = JsonDocument.Parse(last);
        return (exitCode, document.RootElement.Clone(), stderr.ToString());
    }
}
