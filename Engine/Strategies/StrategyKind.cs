namespace Engine.Strategies;

/// <summary>The built-in strategies, by the name <c>strategy.name</c> selects.</summary>
public enum StrategyKind
{
    /// <summary>No strategy: orders come only from the operator (admin endpoint, TWAP parents).</summary>
    None,

    /// <summary><see cref="MarketMakerStrategy"/>: quotes around the microprice with inventory skew (<c>strategy.marketMaker</c>).</summary>
    MarketMaker,

    /// <summary><see cref="ImbalanceTakerStrategy"/>: takes liquidity when the book's top levels lean to one side (<c>strategy.imbalanceTaker</c>).</summary>
    ImbalanceTaker,

    /// <summary><see cref="TwapStrategy"/>: executes the one parent order of <c>strategy.twap</c>.</summary>
    Twap,

    /// <summary>A strategy of the user's, from the assembly and type <c>strategy.plugin</c> names (<see cref="IStrategyPlugin"/>).</summary>
    Plugin,
}
