using Engine.Config;

namespace Engine.Metrics;

/// <summary>The Prometheus and health endpoint (config section <c>metrics</c>).</summary>
public sealed record MetricsOptions : EndpointOptions
{
    /// <summary>Port 9464 by default (Prometheus's convention for exporters).</summary>
    public MetricsOptions() => Port = 9464;

    /// <summary>How often the publisher copies the loop's snapshots into the metrics.</summary>
    public int IntervalMs { get; set; } = 1_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ValidateEndpoint(path, errors);
        if (IntervalMs is < 100 or > 60_000)
        {
            errors.Add($"{path}.intervalMs: {IntervalMs} is outside 100..60000");
        }
    }
}
