using System.Text.Json;
using Engine.Strategies;

namespace Engine.Tests.Strategies.Plugins;

/// <summary>
/// A strategy plugin as a user would write one, in an assembly of its own (this test assembly): the
/// engine loads it with <c>strategy.name: Plugin</c>, <c>strategy.plugin.assembly</c> this assembly's
/// path and <c>strategy.plugin.type</c> this class's full name (docs/OPERATIONS.md, "Run a strategy of your own").
/// </summary>
public sealed class MidMomentumPlugin : IStrategyPlugin
{
    /// <inheritdoc />
    public void Validate(JsonElement parameters, int instruments, List<string> errors) =>
        MidMomentumParameters.Read(parameters, instruments, errors);

    /// <inheritdoc />
    public IStrategy Create(JsonElement parameters, int instruments) =>
        new MidMomentumStrategy(MidMomentumParameters.Read(parameters, instruments, errors: null), instruments);
}
