using Engine.Orders;

namespace Engine.Backtest;

/// <summary>The backtest venue's reports, in the order it gave them, waiting for their turn in the inbound ring.</summary>
/// <remarks>Backtest thread only. It grows as needed: the venue may answer one event with many reports.</remarks>
internal sealed class ReportQueue : IExecutionSink
{
    private readonly Queue<ExecutionReport> _reports = new();

    /// <inheritdoc />
    public void Publish(in ExecutionReport report) => _reports.Enqueue(report);

    /// <summary>Takes the oldest report; false when none is waiting.</summary>
    public bool TryTake(out ExecutionReport report) => _reports.TryDequeue(out report);
}
