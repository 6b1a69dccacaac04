using BenchmarkDotNet.Attributes;
using Engine.Risk;

namespace Engine.Bench.Micro;

/// <summary>
/// The circuit breaker's per-order admission check (<see cref="CircuitBreaker.Admit"/>), the first
/// pre-trade risk check, over 1,024 orders with mixed cancel, reducing and size flags: Closed and
/// Active (the common case), Closed and Reducing, and HalfOpen (the probe limits are compared).
/// The baseline only sums the flags, the cost of the loop around the check.
/// </summary>
[MemoryDiagnoser]
public class BreakerAdmitBenchmarks
{
    private const int Orders = 1_024;
    private const long T0 = 1_767_625_200_000_000_000; // 2026-01-05 15:00 UTC

    private readonly bool[] _isCancel = new bool[Orders];
    private readonly bool[] _reduces = new bool[Orders];
    private readonly long[] _quantity = new long[Orders];
    private CircuitBreaker _active = null!;
    private CircuitBreaker _reducing = null!;
    private CircuitBreaker _halfOpen = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (int i = 0; i < Orders; i++)
        {
            _isCancel[i] = random.Next(8) == 0;
            _reduces[i] = random.Next(2) == 0;
            _quantity[i] = random.Next(1, 200);
        }
        var options = new BreakerOptions { CoolDownMs = 1 };
        _active = new CircuitBreaker(options, T0);
        _reducing = new CircuitBreaker(options, T0);
        _reducing.ReduceOnly(T0);
        _halfOpen = new CircuitBreaker(options, T0);
        _halfOpen.RaiseCause(BreakerReason.StaleFeed, T0);
        _halfOpen.ClearCause(BreakerReason.StaleFeed);
        _halfOpen.Tick(T0 + 1_000_000);
        if (_halfOpen.State != BreakerState.HalfOpen)
        {
            throw new InvalidOperationException($"set-up reached {_halfOpen.State}, not HalfOpen");
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Orders)]
    public int FlagsOnly()
    {
        int sum = 0;
        for (int i = 0; i < Orders; i++)
        {
            sum += (_isCancel[i] ? 1 : 0) + (_reduces[i] ? 2 : 0) + (int)_quantity[i];
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Orders)]
    public int AdmitActive() => Run(_active);

    [Benchmark(OperationsPerInvoke = Orders)]
    public int AdmitReducing() => Run(_reducing);

    [Benchmark(OperationsPerInvoke = Orders)]
    public int AdmitHalfOpen() => Run(_halfOpen);

    private int Run(CircuitBreaker breaker)
    {
        int sum = 0;
        for (int i = 0; i < Orders; i++)
        {
            sum += (int)breaker.Admit(_isCancel[i], _reduces[i], _quantity[i], _quantity[i] * 10_000);
        }
        return sum;
    }
}
