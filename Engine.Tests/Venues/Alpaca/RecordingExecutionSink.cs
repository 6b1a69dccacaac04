using Engine.Orders;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>Keeps every execution report; written by gateway threads, read by the test.</summary>
internal sealed class RecordingExecutionSink : IExecutionSink
{
    private readonly Lock _gate = new();
    private readonly List<ExecutionReport> _reports = [];

    /// <summary>A copy of the reports so far.</summary>
    public List<ExecutionReport> Reports
    {
        get
        {
            lock (_gate)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>Reports so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _reports.Count;
            }
        }
    }

    public void Publish(in ExecutionReport report)
    {
        lock (_gate)
        {
            _reports.Add(report);
        }
    }
}
