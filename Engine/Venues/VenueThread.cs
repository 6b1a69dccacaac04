using Engine.Orders;
using Engine.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Venues;

/// <summary>
/// A venue gateway's thread (Alpaca's; the paper venue is a stage of the loop): the one consumer of the
/// outbound ring (<see cref="VenueInputs"/>). It hands each command to the venue's <see cref="IVenueHandler"/>,
/// moves its gating sequence so the slots may be reused, and puts the reports into the inbound ring
/// through a <see cref="BufferedExecutionSink"/>.
/// </summary>
/// <remarks>
/// Idle, the thread flushes waiting reports, lets the handler do time-driven work and yields at once,
/// without spinning first: it shares its CPU with the feed threads, and a spin
/// would hold the CPU from a feed with data waiting (a yield with nothing else to run returns at once,
/// so a command still reaches the venue within about a microsecond). <see cref="Stop"/> (after the
/// loop has stopped) lets it handle what the loop had published, then ends it; reports still waiting
/// for room in the inbound ring are left there.
/// </remarks>
public sealed class VenueThread : IDisposable
{
    private readonly VenueInputs _inputs;
    private readonly IVenueHandler _handler;
    private readonly BufferedExecutionSink _reports;
    private readonly Thread _thread;
    private readonly CancellationTokenSource _stop = new();
    private readonly IReadOnlyList<int> _cpus;
    private readonly ILogger _logger;
    private Exception? _fault;

    /// <summary>
    /// Creates the thread (not started) over <paramref name="inputs"/>; with
    /// <paramref name="cpus"/> the thread binds itself to those CPUs (keep it off the loop's).
    /// </summary>
    public VenueThread(string name, VenueInputs inputs, IVenueHandler handler, BufferedExecutionSink reports, IReadOnlyList<int>? cpus = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(reports);
        _inputs = inputs;
        _handler = handler;
        _reports = reports;
        _cpus = cpus ?? [];
        _logger = logger ?? NullLogger.Instance;
        _thread = new Thread(Run) { Name = name, IsBackground = true };
    }

    /// <summary>Why the thread could not bind to its CPUs, or null (bound, or none asked for); set once it runs.</summary>
    public string? PinError { get; private set; }

    /// <summary>What ended the thread abnormally, if anything.</summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>Starts the thread.</summary>
    public void Start() => _thread.Start();

    /// <summary>Asks the thread to finish what the loop has published and waits up to <paramref name="timeout"/>; true if it ended.</summary>
    public bool Stop(TimeSpan timeout)
    {
        _stop.Cancel();
        return !_thread.IsAlive || _thread.Join(timeout);
    }

    /// <inheritdoc />
    public void Dispose() => _stop.Dispose();

    private void Run()
    {
        PinError = ThreadLog.PinCurrentThread(_logger, _thread.Name ?? "venue", _cpus);
        try
        {
            while (true)
            {
                int handled = _inputs.Drain(_handler, _reports);
                _reports.Flush();
                if (handled > 0)
                {
                    continue;
                }
                _handler.OnIdle(_reports);
                // The loop has stopped before this is asked: reports it can no longer read stay unread.
                if (_stop.IsCancellationRequested && !_inputs.HasCommands)
                {
                    return;
                }
                Thread.Yield();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Volatile.Write(ref _fault, exception);
        }
    }
}
