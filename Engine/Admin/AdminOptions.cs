using System.Net;

namespace Engine.Admin;

/// <summary>The operator's admin endpoint (config section <c>admin</c>).</summary>
public sealed record AdminOptions
{
    /// <summary>The environment variable that holds the bearer token; without it the endpoint does not start.</summary>
    public const string TokenVariable = "ENGINE_ADMIN_TOKEN";

    /// <summary>Whether to serve the endpoint at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The address to bind: loopback unless the operator says otherwise.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The TCP port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 9465;

    /// <summary>How long a request waits for the loop's answer.</summary>
    public int AnswerTimeoutMs { get; set; } = 2_000;

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
        if (AnswerTimeoutMs is < 1 or > 60_000)
        {
            errors.Add($"{path}.answerTimeoutMs: {AnswerTimeoutMs} is outside 1..60000");
        }
    }
}
