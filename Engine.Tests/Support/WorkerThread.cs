using System.Runtime.ExceptionServices;

namespace Engine.Tests.Support;

/// <summary>
/// A background thread for a test. It keeps what its body threw (an assertion on a thread other
/// than the test's would otherwise crash the run) and its join fails the test instead of hanging it.
/// </summary>
internal sealed class WorkerThread
{
    private readonly Thread _thread;
    private Exception? _failure;

    private WorkerThread(string name, Action body)
    {
        _thread = new Thread(() =>
        {
            try
            {
                body();
            }
#pragma warning disable CA1031 // Rethrown on the test thread by Join.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                _failure = exception;
            }
        })
        {
            Name = name,
            IsBackground = true, // a thread left blocked by a failed test must not keep the run alive
        };
    }

    /// <summary>The thread's state, for waiting until it is parked.</summary>
    public ThreadState ThreadState => _thread.ThreadState;

    /// <summary>Starts <paramref name="body"/> on a new background thread.</summary>
    public static WorkerThread Start(string name, Action body)
    {
        var worker = new WorkerThread(name, body);
        worker._thread.Start();
        return worker;
    }

    /// <summary>Whether the thread ended within <paramref name="timeout"/>.</summary>
    public bool TryJoin(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>Fails the test unless the thread ends within <paramref name="timeout"/>; rethrows what it threw.</summary>
    public void Join(TimeSpan timeout)
    {
        Assert.That(_thread.Join(timeout), Is.True, $"thread '{_thread.Name}' did not finish within {timeout}");
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Capture(_failure).Throw();
        }
    }
}
