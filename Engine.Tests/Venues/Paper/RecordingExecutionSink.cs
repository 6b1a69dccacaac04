using Engine.Orders;

namespace Engine.Tests.Venues.Paper;

/// <summary>Keeps a copy of every report published, in order.</summary>
internal sealed class RecordingExecutionSink : IExecutionSink
{
    private readonly List<ExecutionReport> _reports = [];

    public IReadOnlyList<ExecutionReport> Reports => _reports;

    public void Publish(in ExecutionReport report) => _reports.Add(report);

    /// <summary>The reports published since the last call, and forgets them.</summary>
    public List<ExecutionReport> Take()
    {
        var taken = new List<ExecutionReport>(_reports);
        _reports.Clear();
        return taken;
    }
}
