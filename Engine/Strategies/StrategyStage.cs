using Engine.Pipeline;

namespace Engine.Strategies;

/// <summary>
/// Handler 2 of the chain: runs the configured strategy on every market event and execution report,
/// fires its timer at ends of batch, and swaps in reloaded parameters when the command arrives.
/// Without a strategy (<c>strategy.name: None</c>) it costs one branch an event.
/// </summary>
/// <remarks>Loop thread only.</remarks>
public sealed class StrategyStage
{
    private readonly IStrategy? _strategy;
    private readonly StrategyContext _context;
    private readonly Mailbox<StrategyOptions> _parameters;
    private bool _started;

    /// <summary>Runs <paramref name="strategy"/> (null: none) with <paramref name="context"/>; reloads arrive through <paramref name="parameters"/>.</summary>
    public StrategyStage(IStrategy? strategy, StrategyContext context, Mailbox<StrategyOptions> parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        _strategy = strategy;
        _context = context;
        _parameters = parameters;
        Counts = new StrategyCounts(strategy);
    }

    /// <summary>The strategy, or null.</summary>
    public IStrategy? Strategy => _strategy;

    /// <summary>The strategy's context.</summary>
    public StrategyContext Context => _context;

    /// <summary>The strategy's counts as of the last <see cref="PublishSnapshot"/>, for any thread.</summary>
    public StrategyCounts Counts { get; }

    /// <summary>Handles one inbound event.</summary>
    public void OnEvent(ref InboundEvent e, bool endOfBatch)
    {
        var strategy = _strategy;
        if (strategy is null)
        {
            return;
        }
        if (!_started)
        {
            _started = true;
            // The context was built with the host, maybe long before the first event: start at the time now.
            _context.NowNs = _context.Clock.UtcNowNs();
            strategy.OnStart(_context);
        }
        switch (e.Kind)
        {
            case InboundKind.MarketData:
                strategy.OnMarketData(in e.Market, _context);
                break;
            case InboundKind.Execution:
                strategy.OnExecution(in e.Execution, _context);
                break;
            case InboundKind.Command when e.Command == ControlCommand.ApplyStrategyParameters:
                if (_parameters.Take() is { } reloaded)
                {
                    strategy.OnParameters(reloaded);
                }
                break;
        }
        if (endOfBatch)
        {
            long now = _context.RiskNowNs;
            _context.NowNs = now;
            long due = _context.TimerDueNs;
            if (due != 0 && now >= due)
            {
                _context.ClearTimer();
                strategy.OnTimer(_context);
            }
        }
    }

    /// <summary>Copies the strategy's counts to <see cref="Counts"/>: at each end of batch, once the event has been through every stage. Loop thread only.</summary>
    public void PublishSnapshot()
    {
        if (_strategy is not null)
        {
            Counts.Publish(_strategy, _context);
        }
    }
}
