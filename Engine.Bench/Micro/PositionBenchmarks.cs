using BenchmarkDotNet.Attributes;
using Engine.Positions;
using Feeds;

namespace Engine.Bench.Micro;

/// <summary>
/// The position table on 8 instruments with stop-loss and trailing stop on: <see cref="ApplyFill"/>
/// cycles each instrument through open, add, partial close, flip and full close (net zero, so every
/// invocation starts from flat); <see cref="Mark"/> revalues open positions and runs both monitors
/// on a price that moves inside the stops, so none fires and the buffer stays empty.
/// </summary>
[MemoryDiagnoser]
public class PositionBenchmarks
{
    private const int Instruments = 8;
    private const int Operations = 400;
    private static readonly long[] s_cycle = [3, 2, -4, -3, 2];

    private PositionTable _fills = null!;
    private PositionTable _marks = null!;
    private ClosingIntentBuffer _intents = null!;
    private (int Id, Side Side, long Quantity, long PriceTicks)[] _fillStream = null!;
    private (int Id, long MidSubTicks)[] _markStream = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new PositionsOptions
        {
            Instruments = Instruments,
            StopLoss = new StopLossOptions { LossBps = 1_000 },
            TrailingStop = new TrailingStopOptions { Mode = TrailingStopMode.Percent, OffsetBps = 500 },
        };
        _fills = new PositionTable(options);
        _marks = new PositionTable(options);
        _intents = new ClosingIntentBuffer(Operations);
        _fillStream = new (int, Side, long, long)[Operations];
        _markStream = new (int, long)[Operations];
        for (int i = 0; i < Operations; i++)
        {
            long step = s_cycle[(i / Instruments) % s_cycle.Length];
            _fillStream[i] = (i % Instruments, step > 0 ? Side.Buy : Side.Sell, Math.Abs(step), 10_000 + (i % 11));
            // Up to 20 ticks either side of 10,000: far inside a 5% trailing stop.
            _markStream[i] = (i % Instruments, (10_000 * PositionTable.SubTicksPerTick) + ((i % 41) - 20) * 5_000);
        }
        for (int id = 0; id < Instruments; id++)
        {
            BookFixture.Require(_marks.ApplyFill(id, id % 2 == 0 ? Side.Buy : Side.Sell, 100, 10_000, 1) == PositionError.None);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => BookFixture.Require(_fills.RejectedFills == 0 && _marks.RejectedMarks == 0 && _intents.Count == 0);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long ApplyFill()
    {
        var table = _fills;
        var stream = _fillStream;
        long errors = 0;
        for (int i = 0; i < stream.Length; i++)
        {
            var (id, side, quantity, price) = stream[i];
            errors += (long)table.ApplyFill(id, side, quantity, price, 1);
        }
        return errors;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Mark()
    {
        var table = _marks;
        var intents = _intents;
        var stream = _markStream;
        long errors = 0;
        for (int i = 0; i < stream.Length; i++)
        {
            errors += (long)table.Mark(stream[i].Id, stream[i].MidSubTicks, intents);
        }
        return errors;
    }
}
