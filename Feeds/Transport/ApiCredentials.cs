using System.Net.Http.Headers;
using System.Text.Json;

namespace Feeds.Transport;

/// <summary>
/// An API key id and its secret, read at start-up from environment variables (or, for services, from
/// systemd credential files of the same names) and from nowhere else.
/// </summary>
/// <remarks>
/// Not a record, so that nothing prints the values: <see cref="ToString"/> is redacted, and no
/// message of this project (log or exception) contains either value. Only the code that
/// authenticates reads them: the stream protocols inside this assembly directly, HTTP clients through
/// <see cref="AddHeaders"/>, and protocols outside it through <see cref="WriteJsonProperties"/>,
/// which puts them straight into an authentication message.
/// </remarks>
public sealed class ApiCredentials
{
    /// <summary>The variable systemd sets to the folder of a service's credentials (<c>LoadCredential=</c>, <c>SetCredentialEncrypted=</c>).</summary>
    public const string CredentialsDirectoryVariable = "CREDENTIALS_DIRECTORY";

    private const string Redacted = "[redacted]";

    private readonly SecretRedactor _redactor;

    private ApiCredentials(string keyId, string secret)
    {
        KeyId = keyId;
        Secret = secret;
        _redactor = new SecretRedactor([secret, keyId], Redacted);
    }

    /// <summary>The key id.</summary>
    internal string KeyId { get; }

    /// <summary>The secret.</summary>
    internal string Secret { get; }

    /// <summary>
    /// Reads both values from environment variables. Throws <see cref="InvalidOperationException"/>
    /// naming every variable that is unset, empty, blank or padded with whitespace; the message names
    /// variables, never values.
    /// </summary>
    /// <param name="keyIdVariable">Name of the variable holding the key id.</param>
    /// <param name="secretVariable">Name of the variable holding the secret.</param>
    /// <param name="lookup">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null (tests pass their own).</param>
    public static ApiCredentials FromEnvironment(string keyIdVariable, string secretVariable, Func<string, string?>? lookup = null) =>
        Read(keyIdVariable, secretVariable, lookup, credentialFiles: false);

    /// <summary>
    /// Reads both values, each from its environment variable or, when that is not set, from the file
    /// of the same name in <c>$CREDENTIALS_DIRECTORY</c> (systemd's <c>LoadCredential=NAME:/path</c>).
    /// One trailing line break of a file is dropped (files written by <c>echo</c> have one). Throws
    /// <see cref="InvalidOperationException"/> naming every value that is missing, empty, blank or
    /// padded with whitespace; the message names variables and files, never values.
    /// </summary>
    /// <param name="keyIdName">Name of the variable (and credential file) holding the key id.</param>
    /// <param name="secretName">Name of the variable (and credential file) holding the secret.</param>
    /// <param name="lookup">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null (tests pass their own).</param>
    public static ApiCredentials FromEnvironmentOrCredentialFiles(string keyIdName, string secretName, Func<string, string?>? lookup = null) =>
        Read(keyIdName, secretName, lookup, credentialFiles: true);

    /// <summary>Adds the key id and the secret to <paramref name="headers"/> under the given header names.</summary>
    /// <remarks>Any thread. The headers then hold the secret: never log a request or its headers.</remarks>
    public void AddHeaders(HttpHeaders headers, string keyIdHeader, string secretHeader)
    {
        ArgumentNullException.ThrowIfNull(headers);
        headers.TryAddWithoutValidation(keyIdHeader, KeyId);
        headers.TryAddWithoutValidation(secretHeader, Secret);
    }

    /// <summary>
    /// <paramref name="text"/> with every occurrence of the key id or the secret, and any value in a
    /// secret-looking header or JSON field (see <see cref="SecretRedactor"/>), replaced by
    /// <c>[redacted]</c>: for text that came from elsewhere (a server's error message) before it goes
    /// into a log line or an exception.
    /// </summary>
    public string Redact(string text) => _redactor.Redact(text);

    /// <summary>
    /// The value of one secret, from its environment variable or else from the file of the same name in
    /// <c>$CREDENTIALS_DIRECTORY</c>; null when neither holds it (or the file cannot be read). For the
    /// log's redactor, which must know every secret the process may hold; never log what it returns.
    /// </summary>
    /// <param name="name">Name of the variable (and credential file).</param>
    /// <param name="lookup">Reads a variable; <see cref="Environment.GetEnvironmentVariable(string)"/> when null.</param>
    public static string? ValueOf(string name, Func<string, string?>? lookup = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lookup ??= Environment.GetEnvironmentVariable;
        if (lookup(name) is { } value)
        {
            return value;
        }
        string? directory = lookup(CredentialsDirectoryVariable);
        if (string.IsNullOrEmpty(directory))
        {
            return null;
        }
        try
        {
            string path = Path.Combine(directory, name);
            return File.Exists(path) ? DropOneLineBreak(File.ReadAllText(path)) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
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

    private static ApiCredentials Read(string keyIdName, string secretName, Func<string, string?>? lookup, bool credentialFiles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyIdName);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretName);
        lookup ??= Environment.GetEnvironmentVariable;
        string? directory = credentialFiles ? lookup(CredentialsDirectoryVariable) : null;
        var problems = new List<string>(2);
        string keyId = ReadOne(keyIdName, lookup, directory, problems);
        string secret = ReadOne(secretName, lookup, directory, problems);
        string sources = credentialFiles
            ? $"Credentials are read from environment variables, or from files of the same names in ${CredentialsDirectoryVariable} (systemd LoadCredential=)."
            : "Credentials are read from environment variables only.";
        return problems.Count == 0
            ? new ApiCredentials(keyId, secret)
            : throw new InvalidOperationException("Missing credentials: " + string.Join("; ", problems) + ". " + sources);
    }

    private static string ReadOne(string name, Func<string, string?> lookup, string? directory, List<string> problems)
    {
        string? value = lookup(name);
        if (value is not null)
        {
            return Check($"environment variable {name}", value, problems);
        }
        if (string.IsNullOrEmpty(directory))
        {
            problems.Add($"environment variable {name} is not set");
            return "";
        }
        string path = Path.Combine(directory, name);
        if (!File.Exists(path))
        {
            problems.Add($"environment variable {name} is not set and ${CredentialsDirectoryVariable} has no file {name}");
            return "";
        }
        try
        {
            return Check($"credential file {name}", DropOneLineBreak(File.ReadAllText(path)), problems);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The exception's text names the path, never the content.
            problems.Add($"credential file {name} could not be read ({exception.GetType().Name})");
            return "";
        }
    }

    private static string Check(string source, string value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{source} is empty or blank");
        }
        else if (value.AsSpan().Trim().Length != value.Length)
        {
            problems.Add($"{source} has leading or trailing whitespace");
        }
        return value;
    }

    private static string DropOneLineBreak(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}
