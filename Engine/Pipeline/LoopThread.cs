using Engine.Ring;
using Microsoft.Extensions.Logging;

namespace Engine.Pipeline;

/// <summary>
/// Starts a processor on a dedicated, named, high-priority thread bound to the configured CPUs.
/// Pinning or priority that cannot be applied gives one warning each, and the thread runs on.
/// </summary>
public sealed partial class LoopThread
{
    private readonly IEventProcessor _processor;
    private readonly LoopThreadOptions _options;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private CpuIsolation? _isolation;
    private Exception? _crash;
    private bool _isPinned;

    /// <summary>Creates (but does not start) the thread.</summary>
    public LoopThread(IEventProcessor processor, LoopThreadOptions options, ILogger logger)
    {
        _processor = processor;
        _options = options;
        _logger = logger;
        _thread = new Thread(Main)
        {
            Name = options.Name,
            IsBackground = false,
            Priority = ThreadPriority.Highest,
        };
    }

    /// <summary>The processor this thread runs.</summary>
    public IEventProcessor Processor => _processor;

    /// <summary>
    /// Whether pinning was asked for and applied; false when it was not asked for or failed.
    /// Valid once the processor is running.
    /// </summary>
    public bool IsPinned => Volatile.Read(ref _isPinned);

    /// <summary>
    /// Starts the thread; with <see cref="LoopThreadOptions.Exclusive"/>, first moves the process's
    /// other threads off its CPUs, so the threads started after it are born elsewhere.
    /// </summary>
    public void Start()
    {
        if (_options.Exclusive && _options.CpuSet.Count > 0 && OperatingSystem.IsLinux())
        {
            _isolation = CpuIsolation.TryStart(_options.CpuSet, out string? reason);
            string cpus = string.Join(',', _options.CpuSet);
            if (_isolation is null)
            {
                LogNotExclusive(_logger, _options.Name, cpus, reason!);
            }
            else
            {
                LogExclusive(_logger, _options.Name, cpus, _isolation.Moved);
            }
        }
        _thread.Start();
    }

    /// <summary>Halts the processor (it drains what is published first) and waits for the thread to end.</summary>
    public bool Stop(TimeSpan timeout)
    {
        _processor.Halt();
        bool ended = _thread.Join(timeout);
        _isolation?.Dispose();
        if (_crash is not null)
        {
            throw new InvalidOperationException($"loop thread '{_options.Name}' crashed", _crash);
        }
        return ended;
    }

    private void Main()
    {
        ApplyTuning();
        try
        {
            _processor.Run();
        }
        catch (Exception exception)
        {
            // Run throws only on misuse; faults inside handlers go to the exception policy.
            _crash = exception;
            LogCrash(_logger, _options.Name, exception);
        }
    }

    private void ApplyTuning()
    {
        if (_options.CpuSet.Count > 0)
        {
            string? pinError = ThreadLog.PinCurrentThread(_logger, _options.Name, _options.CpuSet);
            Volatile.Write(ref _isPinned, pinError is null);
            if (pinError is not null)
            {
                // Not on its CPUs, the loop has nothing to keep the other threads off.
                _isolation?.Dispose();
            }
        }
        string? niceError = LinuxThreadTuning.TrySetCurrentThreadNice(_options.Nice);
        if (niceError is not null)
        {
            LogNiceFailed(_logger, _options.Name, niceError);
        }
    }

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Thread {Thread} keeps its default priority: {Reason}.")]
    private static partial void LogNiceFailed(ILogger logger, string thread, string reason);

    [LoggerMessage(EventId = 17, Level = LogLevel.Information, Message = "Thread {Thread} has CPUs {Cpus} to itself: {Moved} other threads moved off them.")]
    private static partial void LogExclusive(ILogger logger, string thread, string cpus, int moved);

    [LoggerMessage(EventId = 18, Level = LogLevel.Warning, Message = "Thread {Thread} shares CPUs {Cpus} with the process's other threads: {Reason}.")]
    private static partial void LogNotExclusive(ILogger logger, string thread, string cpus, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Critical, Message = "Loop thread {Thread} crashed")]
    private static partial void LogCrash(ILogger logger, string thread, Exception exception);
}
