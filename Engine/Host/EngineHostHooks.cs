using Engine.Metrics;
using Engine.Strategies;
using Engine.Venues;

namespace Engine.Host;

/// <summary>
/// What a harness changes in the host's wiring (<c>bench latency</c>, <c>bench throughput</c>): its own
/// strategy instead of the one <c>strategy.name</c> selects, a recorder of publish-to-end-of-chain
/// latency in the chain's counting stage, and a wrapper around the venue's command handler (to watch the
/// outbound ring's commands as the venue takes them: on the loop for the paper venue). Everything else
/// is built as the engine builds it.
/// </summary>
/// <param name="Strategy">The strategy to run; null: the configured one.</param>
/// <param name="ChainLatency">Where the counting stage records each market event's latency; null: nowhere.</param>
/// <param name="WrapVenue">Wraps the venue's command handler (the paper venue's stage or Alpaca's thread takes commands through it); null: the handler as is.</param>
internal sealed record EngineHostHooks(IStrategy? Strategy = null, LatencyRecorder? ChainLatency = null, Func<IVenueHandler, IVenueHandler>? WrapVenue = null);
