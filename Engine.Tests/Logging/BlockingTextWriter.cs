using System.Text;

namespace Engine.Tests.Logging;

/// <summary>A writer whose first write blocks until the test releases it: a log output that cannot keep up.</summary>
internal sealed class BlockingTextWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _gate = new();
    private int _writes;

    /// <summary>Set once the first write has started (and is blocked).</summary>
    public ManualResetEventSlim Entered { get; } = new();

    /// <summary>Set by the test to let writes go on.</summary>
    public ManualResetEventSlim Released { get; } = new();

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>What was written so far.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _text.ToString();
            }
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        if (Interlocked.Increment(ref _writes) == 1)
        {
            Entered.Set();
            Released.Wait(Support.TestTimeouts.LongRun);
        }
        lock (_gate)
        {
            _text.Append(buffer, index, count);
        }
    }

    /// <inheritdoc />
    public override void Write(char value) => Write([value], 0, 1);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Entered.Dispose();
            Released.Dispose();
        }
        base.Dispose(disposing);
    }
}
