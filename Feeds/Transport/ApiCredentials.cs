using System.Text.Json;

namespace Feeds.Transport;

/// <summary>
/// An API key id and its secret, read from environment variables at start-up and from nowhere else.
/// </summary>
/// <remarks>
/// Not a record, so that nothing prints the values: <see cref="ToString"/> is redacted, and no
/// message of this project (log or exception) contains either value. Only the protocol that
/// authenticates reads them: inside this assembly directly, outside it through
/// <see cref="WriteJsonProperties"/>, which puts them straight into an authentication message.
/// </remarks>
public sealed class ApiCredentials
{
    private ApiCredentials(string keyId, string secret)
    {
        KeyId = keyId;
        Secret = secret;
    }

    /// <summary>The key id.</summary>
    internal string KeyId { get; }

    /// <summary>The secret.</summary>
    internal string Secret { get; }

    /// <summary>
    /// Reads both values. Throws <see cref="InvalidOperationException"/> naming every variable that
    /// is unset, empty, blank or padded with whitespace; the message names variables, never values.
    /// </summary>
    /// <param name="keyIdVariable">Name of the variable holding the key id.</param>
    /// <param name="secretVariable">Name of the variable holding the secret.</param>
    /// <param name="lookup">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null (tests pass their own).</param>
    public static ApiCredentials FromEnvironment(string keyIdVariable, string secretVariable, Func<string, string?>? lookup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyIdVariable);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretVariable);
        lookup ??= Environment.GetEnvironmentVariable;
        var problems = new List<string>(2);
        string keyId = Read(keyIdVariable, lookup, problems);
        string secret = Read(secretVariable, lookup, problems);
        return problems.Count == 0
            ? new ApiCredentials(keyId, secret)
            : throw new InvalidOperationException("Missing credentials: " + string.Join("; ", problems) + ". Credentials are read from environment variables only.");
    }

    /// <summary>
    /// Writes the key id and the secret as two string properties, named <paramref name="keyIdProperty"/>
    /// and <paramref name="secretProperty"/>, into the JSON object <paramref name="writer"/> is in: how a
    /// protocol outside this assembly builds its authentication message without the values ever
    /// becoming a string it holds. The written bytes hold the secret: send them, never log them.
    /// </summary>
    public void WriteJsonProperties(Utf8JsonWriter writer, string keyIdProperty, string secretProperty)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString(keyIdProperty, KeyId);
        writer.WriteString(secretProperty, Secret);
    }

    /// <summary>Redacted: the values never appear in text.</summary>
    public override string ToString() => "ApiCredentials { redacted }";

    private static string Read(string variable, Func<string, string?> lookup, List<string> problems)
    {
        string? value = lookup(variable);
        if (value is null)
        {
            problems.Add($"environment variable {variable} is not set");
        }
        else if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"environment variable {variable} is empty or blank");
        }
        else if (value.AsSpan().Trim().Length != value.Length)
        {
            problems.Add($"environment variable {variable} has leading or trailing whitespace");
        }
        return value ?? "";
    }
}
