using System.Text.Json;

namespace Engine.Tests.Strategies.Plugins;

/// <summary>
/// <see cref="MidMomentumStrategy"/>'s parameters, read from <c>strategy.plugin.parameters</c>:
/// <c>instrument</c> (a book id), <c>quantity</c>, <c>thresholdTicks</c> and <c>cooldownEvents</c>
/// (default 0). Reading allocates nothing but the list of problems, so a reload may read them on the loop.
/// </summary>
public readonly record struct MidMomentumParameters(int Instrument, long Quantity, long ThresholdTicks, long CooldownEvents)
{
    /// <summary>The parameters in <paramref name="parameters"/>; each problem goes to <paramref name="errors"/> (when given) as <c>key: problem</c>.</summary>
    public static MidMomentumParameters Read(JsonElement parameters, int instruments, List<string>? errors) => new(
        (int)Integer(parameters, "instrument", 0, instruments - 1, null, errors),
        Integer(parameters, "quantity", 1, 1_000_000, null, errors),
        Integer(parameters, "thresholdTicks", 1, 1_000_000, null, errors),
        Integer(parameters, "cooldownEvents", 0, 1_000_000, 0, errors));

    private static long Integer(JsonElement parameters, string key, long min, long max, long? fallback, List<string>? errors)
    {
        if (!parameters.TryGetProperty(key, out var value))
        {
            if (fallback is null)
            {
                errors?.Add($"{key}: required, an integer in {min}..{max}");
            }
            return fallback ?? min;
        }
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number) || number < min || number > max)
        {
            errors?.Add($"{key}: {value.GetRawText()} is not an integer in {min}..{max}");
            return min;
        }
        return number;
    }
}
