using BenchmarkDotNet.Running;
using Engine.Bench.Latency;

// bench ring [options]   the ring harness (throughput, one-way, ping-pong, per wait strategy)
// bench micro [BDN args] BenchmarkDotNet micro-benchmarks (allocation and per-operation cost)
// bench orders [--orders N] [--rate R]  intents through risk, router and the paper venue: orders/s, intent-to-ack latency
// bench latency [options]     the full pipeline at a fixed offered rate: tick-to-trade against the bare ring (bench latency --help)
// bench throughput [options]  the full pipeline's highest sustainable event rate
// bench inplace [options]     the pipeline's own work per event on one core: an order event's publish to send, no trip between cores
// bench all              both
string name = args.Length > 0 ? args[0] : "ring";
string[] rest = args.Length > 0 ? args[1..] : [];
switch (name)
{
    case "ring":
        return RingHarness.Run(rest);
    case "orders":
        return OrderPathHarness.Run(rest);
    case "latency":
        return LatencyHarness.Run(rest);
    case "inplace":
        return InPlaceHarness.Run(rest);
    case "throughput":
        return ThroughputHarness.Run(rest);
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(RingHarness).Assembly).Run(rest.Length > 0 ? rest : ["--filter", "*"]);
        return 0;
    case "all":
        BenchmarkSwitcher.FromAssembly(typeof(RingHarness).Assembly).Run(["--filter", "*"]);
        return RingHarness.Run(rest);
    default:
        Console.Error.WriteLine($"unknown benchmark '{name}': use ring, orders, latency, throughput, inplace, micro or all");
        return 64;
}
