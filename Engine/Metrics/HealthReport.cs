using System.Diagnostics;
using System.Globalization;
using Engine.Host;
using Engine.Pipeline;
using Engine.Ring;
using Engine.Risk;

namespace Engine.Metrics;

/// <summary>One component's part of a health answer.</summary>
/// <param name="Name">The component.</param>
/// <param name="Ok">Whether it is fine.</param>
/// <param name="Detail">What it says about itself.</param>
public sealed record HealthComponent(string Name, bool Ok, string Detail);

/// <summary>A health answer: fine when every component is, with each component's own line.</summary>
/// <param name="Ok">Whether every component is fine.</param>
/// <param name="Components">Each component.</param>
public sealed record HealthReport(bool Ok, IReadOnlyList<HealthComponent> Components)
{
    /// <summary>
    /// Liveness (<c>/healthz</c>): the process answers and the loop advances. The loop is asked to
    /// handle one no-op command through the ring; it is alive if its processed count moves within
    /// <paramref name="timeout"/>.
    /// </summary>
    public static HealthReport Live(EngineHost host, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(host);
        bool running = host.LoopState == ProcessorState.Running;
        long before = host.Counter.Handled;
        bool advanced = false;
        if (running)
        {
            host.Send(ControlCommand.None);
            var deadline = DateTime.UtcNow + timeout;
            var spin = new SpinWait();
            while (!(advanced = host.Counter.Handled > before) && DateTime.UtcNow < deadline)
            {
                spin.SpinOnce();
            }
        }
        var loop = new HealthComponent("loop", running && advanced, $"state {host.LoopState}, handled {host.Counter.Handled}");
        return new HealthReport(loop.Ok, [loop]);
    }

    /// <summary>
    /// Readiness (<c>/readyz</c>): books valid (their feeds connected), the venue ready (for Alpaca:
    /// stream up and reconciled), the breaker closed and trading not halted, and one component per
    /// feed, <c>feeds/NAME</c>, fine while that feed is connected and not stale, or once it has finished
    /// (a replayed file played to its end).
    /// </summary>
    public static HealthReport Ready(EngineHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var risk = host.Risk.Snapshot;
        var components = new List<HealthComponent>(4 + host.Feeds.Count)
        {
            new("books", risk.InvalidBooks == 0, $"{risk.InvalidBooks} invalid"),
            new("venue", host.VenueReady, host.VenueReady ? "ready" : "not ready (stream down or not reconciled)"),
            new("breaker", risk.BreakerState == BreakerState.Closed, risk.BreakerState.ToString()),
            new("trading", risk.TradingState != TradingState.Halted, risk.TradingState.ToString()),
        };
        long now = Stopwatch.GetTimestamp();
        foreach (var feed in host.Feeds)
        {
            // A feed that has delivered all it had (a replayed file at its end) is done, not down.
            string state = feed.IsConnected ? "connected" : feed.IsFinished ? "finished" : feed.IsStale ? "stale" : "disconnected";
            string detail = string.Create(CultureInfo.InvariantCulture,
                $"{state}, last message {feed.LastMessageAgeSeconds(now):F1} s ago, {feed.Reconnects} reconnects");
            components.Add(new HealthComponent("feeds/" + feed.Name, (feed.IsConnected && !feed.IsStale) || feed.IsFinished, detail));
        }
        return new HealthReport(components.TrueForAll(c => c.Ok), components);
    }
}
