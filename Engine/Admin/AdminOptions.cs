using Engine.Config;

namespace Engine.Admin;

/// <summary>The operator's admin endpoint (config section <c>admin</c>).</summary>
public sealed record AdminOptions : EndpointOptions
{
    /// <summary>The environment variable that holds the bearer token; without it the endpoint does not start.</summary>
    public const string TokenVariable = "ENGINE_ADMIN_TOKEN";

    /// <summary>Port 9465 by default.</summary>
    public AdminOptions() => Port = 9465;

    /// <summary>How long a request waits for the loop's answer.</summary>
    public int AnswerTimeoutMs { get; set; } = 2_000;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        ValidateEndpoint(path, errors);
        if (AnswerTimeoutMs is < 1 or > 60_000)
        {
            errors.Add($"{path}.answerTimeoutMs: {AnswerTimeoutMs} is outside 1..60000");
        }
    }
}
