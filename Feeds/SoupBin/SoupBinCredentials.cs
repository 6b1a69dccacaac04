namespace Feeds.SoupBin;

/// <summary>
/// The SoupBinTCP username and password, read from environment variables only. Never logged:
/// <see cref="ToString"/> hides them, and errors name the variable, never the value.
/// </summary>
public sealed class SoupBinCredentials
{
    private SoupBinCredentials(string username, string password)
    {
        Username = username;
        Password = password;
    }

    /// <summary>The username, at most 6 ASCII characters.</summary>
    public string Username { get; }

    /// <summary>The password, at most 10 ASCII characters.</summary>
    public string Password { get; }

    /// <summary>Reads the credentials named by <paramref name="options"/>; throws if a variable is unset, blank, too long or not ASCII.</summary>
    public static SoupBinCredentials FromEnvironment(SoupBinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SoupBinCredentials(
            Read(options.UsernameVariable, SoupBinLayout.UsernameLength),
            Read(options.PasswordVariable, SoupBinLayout.PasswordLength));
    }

    /// <inheritdoc />
    public override string ToString() => "SoupBinCredentials(***)";

    private static string Read(string variable, int maxLength)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"environment variable {variable} is not set or blank");
        }
        if (value.Length > maxLength || !System.Text.Ascii.IsValid(value))
        {
            throw new InvalidOperationException($"environment variable {variable} must be at most {maxLength} ASCII characters");
        }
        return value;
    }
}
