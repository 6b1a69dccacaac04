using Engine.Orders.Twap;
using Engine.Risk;

namespace Engine.Strategies;

/// <summary>The <c>strategy</c> section: which strategy runs and its parameters. Reloaded on SIGHUP (the parameters, not the choice).</summary>
public sealed record StrategyOptions
{
    /// <summary>The strategy to run.</summary>
    public StrategyKind Name { get; set; } = StrategyKind.None;

    /// <summary>The instrument ids (book ids) the market maker and the imbalance taker trade; empty: every book. The TWAP trades its parent's instrument.</summary>
    public IReadOnlyList<int> Instruments { get; set; } = [];

    /// <summary>The market maker's parameters (used when <see cref="Name"/> is <see cref="StrategyKind.MarketMaker"/>).</summary>
    public MarketMakerOptions MarketMaker { get; set; } = new();

    /// <summary>The imbalance taker's parameters (used when <see cref="Name"/> is <see cref="StrategyKind.ImbalanceTaker"/>).</summary>
    public ImbalanceTakerOptions ImbalanceTaker { get; set; } = new();

    /// <summary>The TWAP strategy's parent order (used when <see cref="Name"/> is <see cref="StrategyKind.Twap"/>); started when the strategy starts.</summary>
    public TwapOptions Twap { get; set; } = new();

    /// <summary>The plugin strategy's assembly, type and parameters (used when <see cref="Name"/> is <see cref="StrategyKind.Plugin"/>).</summary>
    public StrategyPluginOptions Plugin { get; set; } = new();

    /// <summary>
    /// Adds every problem with these options to <paramref name="errors"/>; <paramref name="instruments"/>
    /// is the number of books. With <paramref name="risk"/>, the selected strategy's quantities must be
    /// whole lots of the instruments it trades and its most frequent orders must fit the risk rate limits
    /// (a refusal counts toward the breaker).
    /// </summary>
    public void Validate(string path, List<string> errors, int instruments, RiskOptions? risk = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        if (!Enum.IsDefined(Name))
        {
            errors.Add($"{path}.name: {Name} is not one of {string.Join(", ", Enum.GetNames<StrategyKind>())}");
        }
        var seen = new HashSet<int>();
        for (int i = 0; i < Instruments.Count; i++)
        {
            int id = Instruments[i];
            if (id < 0 || id >= instruments)
            {
                errors.Add($"{path}.instruments[{i}]: {id} is outside 0..{instruments - 1} (the book ids)");
            }
            else if (!seen.Add(id))
            {
                errors.Add($"{path}.instruments[{i}]: {id} is listed twice");
            }
        }
        MarketMaker.Validate($"{path}.marketMaker", errors);
        ImbalanceTaker.Validate($"{path}.imbalanceTaker", errors);
        Twap.Validate($"{path}.twap", errors, instruments);
        if (Name == StrategyKind.Plugin)
        {
            // Only then: loading it runs the plugin's code, and an unused section needs no assembly.
            Plugin.Validate($"{path}.plugin", errors, instruments);
        }
        if (risk is not null && errors.Count == before)
        {
            ValidateAgainstRisk(path, errors, instruments, risk);
        }
    }

    /// <summary>Whether <paramref name="other"/> selects the same strategy (the same plugin, for <see cref="StrategyKind.Plugin"/>), so only parameters differ.</summary>
    public bool RunsTheSameStrategyAs(StrategyOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name
            && (Name != StrategyKind.Plugin || (Plugin.Assembly == other.Plugin.Assembly && Plugin.Type == other.Plugin.Type));
    }

    /// <summary>Whether the market maker and the imbalance taker trade <paramref name="instrumentId"/>.</summary>
    public bool Trades(int instrumentId)
    {
        if (Instruments.Count == 0)
        {
            return true;
        }
        for (int i = 0; i < Instruments.Count; i++)
        {
            if (Instruments[i] == instrumentId)
            {
                return true;
            }
        }
        return false;
    }

    private void ValidateAgainstRisk(string path, List<string> errors, int instruments, RiskOptions risk)
    {
        int traded = Instruments.Count == 0 ? instruments : Instruments.Count;
        switch (Name)
        {
            case StrategyKind.MarketMaker:
                CheckLots($"{path}.marketMaker.quoteQuantity", MarketMaker.QuoteQuantity, errors, instruments, risk);
                CheckLots($"{path}.marketMaker.maxPosition", MarketMaker.MaxPosition, errors, instruments, risk);
                // Worst case: every side of every instrument replaced once per interval; a replace takes a submit and a cancel token.
                CheckRate($"{path}.marketMaker.minRequoteIntervalMs", MarketMaker.MinRequoteIntervalMs, 2L * traded, errors, risk, cancels: true);
                break;
            case StrategyKind.ImbalanceTaker:
                CheckLots($"{path}.imbalanceTaker.quantity", ImbalanceTaker.Quantity, errors, instruments, risk);
                CheckRate($"{path}.imbalanceTaker.cooldownMs", ImbalanceTaker.CooldownMs, traded, errors, risk, cancels: false);
                break;
            case StrategyKind.Twap:
                long lot = LotSizeOf(risk, Twap.InstrumentId);
                if (Twap.TotalQuantity % lot != 0)
                {
                    errors.Add($"{path}.twap.totalQuantity: {Twap.TotalQuantity} is not a multiple of instrument {Twap.InstrumentId}'s lotSize ({lot}); slices are whole lots");
                }
                break;
        }
    }

    private void CheckLots(string key, long quantity, List<string> errors, int instruments, RiskOptions risk)
    {
        for (int id = 0; id < instruments; id++)
        {
            if (!Trades(id))
            {
                continue;
            }
            long lot = LotSizeOf(risk, id);
            if (quantity % lot != 0)
            {
                errors.Add($"{key}: {quantity} is not a multiple of instrument {id}'s lotSize ({lot}) under risk");
                return;
            }
        }
    }

    private static void CheckRate(string key, int intervalMs, long streams, List<string> errors, RiskOptions risk, bool cancels)
    {
        // Orders per second at worst: one per stream per interval, rounded up.
        long perSecond = ((streams * 1_000) + intervalMs - 1) / intervalMs;
        if (perSecond > risk.SubmitsPerSecond)
        {
            errors.Add($"{key}: {intervalMs} ms over {streams} order streams allows up to {perSecond} orders/s, more than risk.submitsPerSecond ({risk.SubmitsPerSecond}); raise the interval, trade fewer instruments, or raise the limit (refusals count toward the breaker)");
        }
        if (cancels && perSecond > risk.CancelsPerSecond)
        {
            errors.Add($"{key}: {intervalMs} ms over {streams} order streams allows up to {perSecond} replaces/s, more than risk.cancelsPerSecond ({risk.CancelsPerSecond}); a replace also takes a cancel token");
        }
    }

    private static long LotSizeOf(RiskOptions risk, int instrumentId)
    {
        foreach (var entry in risk.Instruments)
        {
            if (entry.InstrumentId == instrumentId)
            {
                return Math.Max(1, entry.LotSize);
            }
        }
        // An invalid lot (reported under risk) is taken as 1 here.
        return Math.Max(1, risk.Defaults.LotSize);
    }
}
