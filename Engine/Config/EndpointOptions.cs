using System.Net;

namespace Engine.Config;

/// <summary>What every HTTP endpoint of the engine is configured with: on or off, where it listens.</summary>
public abstract record EndpointOptions
{
    /// <summary>Whether to serve the endpoint.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address to bind: loopback unless the operator says otherwise.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; }

    /// <summary>Adds every problem with the address and port to <paramref name="errors"/>.</summary>
    protected void ValidateEndpoint(string path, List<string> errors)
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
    }
}
