using System.Net;

namespace Engine.Metrics;

/// <summary>The Prometheus endpoint (config section <c>metrics</c>).</summary>
public sealed record MetricsOptions
{
    /// <summary>Whether to serve <c>/metrics</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address to bind: loopback unless the operator says otherwise.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port (0: any free port, for tests).</summary>
    public int Port { get; set; } = 9464;

    /// <summary>How often the publisher copies the loop's snapshots into the metrics.</summary>
    public int IntervalMs { get; set; } = 1_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!IPAddress.TryParse(Address, out _))
        {
            errors.Add($"{path}.address: '{Address}' is not an IP address (127.0.0.1 keeps the endpoint on this machine)");
        }
        if (Port is < 0 or > 65_535)
        {
            errors.Add($"{path}.port: {Port} is outside 0..65535");
        }
        if (IntervalMs is < 100 or > 60_000)
        {
            errors.Add($"{path}.intervalMs: {IntervalMs} is outside 100..60000");
        }
    }
}
