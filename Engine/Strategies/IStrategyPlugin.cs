using System.Text.Json;

namespace Engine.Strategies;

/// <summary>
/// The way in for a strategy built outside the engine: a public class with a public parameterless
/// constructor, in the assembly <c>strategy.plugin.assembly</c> names, whose full name is
/// <c>strategy.plugin.type</c>. With <c>strategy.name: Plugin</c> the engine loads it at start-up,
/// validates <c>strategy.plugin.parameters</c> through it with the rest of the configuration, and
/// asks it for the strategy the loop runs.
/// </summary>
/// <remarks>
/// Both members run off the loop, on the thread that loads or reloads the configuration, while
/// strategies made earlier may be running on the loop: keep the plugin itself stateless, and give
/// each strategy its own state. The strategy runs on the loop under <see cref="IStrategy"/>'s rules. Build the plugin
/// against the engine's own <c>Engine.dll</c> and <c>Feeds.dll</c>, and do not ship copies of them:
/// the engine always lends its own.
/// </remarks>
public interface IStrategyPlugin
{
    /// <summary>
    /// Adds to <paramref name="errors"/> every problem with <paramref name="parameters"/> (the
    /// <c>strategy.plugin.parameters</c> object), each as <c>key: problem</c>, the key relative to
    /// the parameters; the engine prefixes the path. <paramref name="instruments"/> is the number of books.
    /// Called with the whole configuration at start-up and again at each reload.
    /// </summary>
    void Validate(JsonElement parameters, int instruments, List<string> errors);

    /// <summary>
    /// A new strategy with <paramref name="parameters"/> (already validated) for
    /// <paramref name="instruments"/> books. Called once for the loop and once for each copy of the
    /// pipeline the engine runs (the warm-up, each backtest run): return a fresh instance each time.
    /// </summary>
    IStrategy Create(JsonElement parameters, int instruments);
}
