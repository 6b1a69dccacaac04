namespace Engine.Strategies;

/// <summary>Builds the configured strategy at start-up (off the loop).</summary>
public static class StrategyFactory
{
    /// <summary>The strategy <paramref name="options"/> names (validated), with its parameters, for <paramref name="instruments"/> books; null for <see cref="StrategyKind.None"/>.</summary>
    public static IStrategy? Create(StrategyOptions options, int instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Name switch
        {
            StrategyKind.MarketMaker => new MarketMakerStrategy(options, instruments),
            StrategyKind.ImbalanceTaker => new ImbalanceTakerStrategy(options, instruments),
            StrategyKind.Twap => new TwapStrategy(options),
            StrategyKind.Plugin => options.Plugin.Create(instruments),
            _ => null,
        };
    }
}
