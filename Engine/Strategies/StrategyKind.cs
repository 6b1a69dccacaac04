namespace Engine.Strategies;

/// <summary>The built-in strategies, by the name <c>strategy.name</c> selects.</summary>
public enum StrategyKind
{
    /// <summary>No strategy: orders come only from the operator (admin endpoint, TWAP parents).</summary>
    None,
}
