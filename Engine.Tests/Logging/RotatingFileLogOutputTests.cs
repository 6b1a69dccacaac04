// These tests call the logging extension methods with templates on purpose: they are what every
// provider must handle (a params array of values, a template that varies, odd property names).
#pragma warning disable CA1848, CA1873, CA2254, CA1727
using Engine.Logging;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Logging;

/// <summary>Size-based rotation: engine.log, engine.log.1 .. engine.log.N, the oldest deleted.</summary>
public sealed class RotatingFileLogOutputTests
{
    private string _directory = null!;

    [SetUp]
    public void SetUp() => _directory = Directory.CreateTempSubdirectory("log-rotation").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Write_PastMaxBytes_RotatesKeepsMaxFilesAndDeletesTheOldest()
    {
        string path = Path.Combine(_directory, "logs", "engine.log");
        var options = new LoggingOptions { File = new LogFileOptions { Path = path, MaxBytes = 1024, MaxFiles = 2 } };
        using (var logging = EngineLogging.Create(options, TextWriter.Null, static _ => null))
        {
            var log = logging.Factory.CreateLogger("Engine.Rotation");
            for (int i = 0; i < 100; i++)
            {
                log.LogInformation("event {Index} with some padding to make the line longer", i);
            }
        }

        string[] kept = [path + ".2", path + ".1", path];
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!).Order(), Is.EqualTo(kept.Order()), "two rotated files and the live one, nothing more");
        var indexes = new List<int>();
        foreach (var file in kept)
        {
            Assert.That(new FileInfo(file).Length, Is.LessThanOrEqualTo(1024));
            indexes.AddRange(LogLines.Parse(File.ReadAllText(file)).Select(l => l.GetProperty("Index").GetInt32()));
        }
        Assert.That(indexes, Is.Ordered.And.Unique, "oldest in .2, newest in the live file");
        Assert.That(indexes[^1], Is.EqualTo(99));
        Assert.That(indexes[0], Is.GreaterThan(0), "the oldest lines were deleted");
    }

    [Test]
    public void Write_ExistingFile_AppendsAndCountsItsSize()
    {
        string path = Path.Combine(_directory, "engine.log");
        File.WriteAllText(path, new string('x', 1000) + "\n");
        using (var output = new RotatingFileLogOutput(new LogFileOptions { Path = path, MaxBytes = 1024, MaxFiles = 1 }))
        {
            output.Write("{\"a\":1}\n"u8);
            output.Write(new byte[100]);
        }

        Assert.That(new FileInfo(path + ".1").Length, Is.EqualTo(1001 + 8), "the old content and the line that still fit");
        Assert.That(new FileInfo(path).Length, Is.EqualTo(100));
    }

    [Test]
    public void Write_LineLongerThanMaxBytes_GoesWholeIntoAFileOfItsOwn()
    {
        string path = Path.Combine(_directory, "engine.log");
        using (var output = new RotatingFileLogOutput(new LogFileOptions { Path = path, MaxBytes = 1024, MaxFiles = 3 }))
        {
            output.Write(new byte[10]);
            output.Write(new byte[2000]);
            output.Write(new byte[10]);
        }

        Assert.That(new[] { new FileInfo(path + ".2").Length, new FileInfo(path + ".1").Length, new FileInfo(path).Length }, Is.EqualTo(new long[] { 10, 2000, 10 }));
        Assert.That(File.Exists(path + ".3"), Is.False);
    }
}
