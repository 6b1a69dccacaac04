namespace Engine.Strategies;

/// <summary>Builds the configured strategy at start-up (off the loop).</summary>
public static class StrategyFactory
{
    /// <summary>The strategy <paramref name="options"/> name, with its parameters; null for <see cref="StrategyKind.None"/>.</summary>
    public static IStrategy? Create(StrategyOptions options, int instruments)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = instruments;
        return options.Name switch
        {
            _ => null,
        };
    }
}
