using Feeds.Transport;

namespace Engine.Tests.Transport;

public sealed class ApiCredentialsTests
{
    private const string KeyVariable = "APCA_API_KEY_ID";
    private const string SecretVariable = "APCA_API_SECRET_KEY";

    private static Func<string, string?> Environment(string? key, string? secret) =>
        name => name == KeyVariable ? key : name == SecretVariable ? secret : null;

    [Test]
    public void FromEnvironment_BothSet_ReadsThem()
    {
        var credentials = ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", "s3cr3t-value"));

        Assert.That(credentials.KeyId, Is.EqualTo("PKTEST"));
        Assert.That(credentials.Secret, Is.EqualTo("s3cr3t-value"));
    }

    [Test]
    public void FromEnvironment_SecretNotSet_ThrowsNamingTheVariable()
    {
        Assert.That(() => ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", null)),
            Throws.InvalidOperationException.With.Message.Contains("APCA_API_SECRET_KEY is not set").And.Message.Not.Contains("PKTEST"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void FromEnvironment_BlankKey_ThrowsNamingTheVariable(string blank)
    {
        Assert.That(() => ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment(blank, "s3cr3t-value")),
            Throws.InvalidOperationException.With.Message.Contains("APCA_API_KEY_ID is empty or blank").And.Message.Not.Contains("s3cr3t-value"));
    }

    [Test]
    public void FromEnvironment_PaddedSecret_ThrowsWithoutTheValue()
    {
        Assert.That(() => ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", " s3cr3t-value\n")),
            Throws.InvalidOperationException.With.Message.Contains("APCA_API_SECRET_KEY has leading or trailing whitespace")
                .And.Message.Not.Contains("s3cr3t-value").And.Message.Not.Contains("PKTEST"));
    }

    [Test]
    public void FromEnvironment_NeitherSet_NamesBoth()
    {
        Assert.That(() => ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment(null, null)),
            Throws.InvalidOperationException.With.Message.Contains(KeyVariable).And.Message.Contains(SecretVariable));
    }

    [Test]
    public void ToString_NeverShowsTheValues()
    {
        var credentials = ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", "s3cr3t-value"));

        Assert.That(credentials.ToString(), Does.Not.Contain("PKTEST").And.Not.Contain("s3cr3t-value"));
    }

    [Test]
    public void FromEnvironmentOrCredentialFiles_FilesInTheCredentialsDirectory_ReadsThemWithoutTheLineBreak()
    {
        using var directory = new CredentialsDirectory(("APCA_API_KEY_ID", "PKFILE\n"), ("APCA_API_SECRET_KEY", "file-secret-9\r\n"));

        var credentials = ApiCredentials.FromEnvironmentOrCredentialFiles(KeyVariable, SecretVariable, directory.Environment());

        Assert.That((credentials.KeyId, credentials.Secret), Is.EqualTo(("PKFILE", "file-secret-9")));
    }

    [Test]
    public void FromEnvironmentOrCredentialFiles_VariableSet_WinsOverTheFile()
    {
        using var directory = new CredentialsDirectory(("APCA_API_KEY_ID", "PKFILE"), ("APCA_API_SECRET_KEY", "file-secret-9"));

        var credentials = ApiCredentials.FromEnvironmentOrCredentialFiles(KeyVariable, SecretVariable, directory.Environment(secret: "env-secret"));

        Assert.That((credentials.KeyId, credentials.Secret), Is.EqualTo(("PKFILE", "env-secret")));
    }

    [TestCase("")]
    [TestCase("   \n")]
    [TestCase(" padded-secret\n")]
    public void FromEnvironmentOrCredentialFiles_BlankOrPaddedFile_ThrowsNamingTheFileNotTheValue(string content)
    {
        using var directory = new CredentialsDirectory(("APCA_API_KEY_ID", "PKFILE"), ("APCA_API_SECRET_KEY", content));

        Assert.That(() => ApiCredentials.FromEnvironmentOrCredentialFiles(KeyVariable, SecretVariable, directory.Environment()),
            Throws.InvalidOperationException.With.Message.Contains("credential file APCA_API_SECRET_KEY")
                .And.Message.Not.Contains("padded-secret").And.Message.Not.Contains("PKFILE"));
    }

    [Test]
    public void FromEnvironmentOrCredentialFiles_NeitherVariableNorFile_NamesBothPlaces()
    {
        using var directory = new CredentialsDirectory(("APCA_API_KEY_ID", "PKFILE"));

        Assert.That(() => ApiCredentials.FromEnvironmentOrCredentialFiles(KeyVariable, SecretVariable, directory.Environment()),
            Throws.InvalidOperationException.With.Message.Contains("APCA_API_SECRET_KEY is not set and $CREDENTIALS_DIRECTORY has no file APCA_API_SECRET_KEY"));
    }

    [Test]
    public void FromEnvironmentOrCredentialFiles_NoCredentialsDirectory_NamesTheVariables()
    {
        Assert.That(() => ApiCredentials.FromEnvironmentOrCredentialFiles(KeyVariable, SecretVariable, Environment(null, null)),
            Throws.InvalidOperationException.With.Message.Contains("environment variable APCA_API_KEY_ID is not set")
                .And.Message.Contains("LoadCredential"));
    }

    [Test]
    public void FromEnvironment_CredentialFilesPresent_IgnoresThem()
    {
        using var directory = new CredentialsDirectory(("APCA_API_KEY_ID", "PKFILE"), ("APCA_API_SECRET_KEY", "file-secret-9"));

        Assert.That(() => ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, directory.Environment()), Throws.InvalidOperationException);
    }

    [Test]
    public void AddHeaders_Always_AddsBothValuesUnderTheGivenNames()
    {
        var credentials = ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", "s3cr3t-value"));
        using var request = new HttpRequestMessage();

        credentials.AddHeaders(request.Headers, "APCA-API-KEY-ID", "APCA-API-SECRET-KEY");

        Assert.That(request.Headers.GetValues("APCA-API-KEY-ID"), Is.EqualTo(new[] { "PKTEST" }));
        Assert.That(request.Headers.GetValues("APCA-API-SECRET-KEY"), Is.EqualTo(new[] { "s3cr3t-value" }));
    }

    [Test]
    public void Redact_TextQuotingTheValues_ReplacesBoth()
    {
        var credentials = ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", "s3cr3t-value"));

        Assert.That(credentials.Redact("key=PKTEST secret=s3cr3t-value"), Is.EqualTo("key=[redacted] secret=[redacted]"));
    }

    [Test]
    public void WriteJsonProperties_IntoAnObject_WritesBothValuesUnderTheGivenNames()
    {
        var credentials = ApiCredentials.FromEnvironment(KeyVariable, SecretVariable, Environment("PKTEST", "s3\"cr3t"));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            credentials.WriteJsonProperties(writer, "key_id", "secret_key");
            writer.WriteEndObject();
        }

        using var json = System.Text.Json.JsonDocument.Parse(buffer.WrittenMemory);
        Assert.That(json.RootElement.GetProperty("key_id").GetString(), Is.EqualTo("PKTEST"));
        Assert.That(json.RootElement.GetProperty("secret_key").GetString(), Is.EqualTo("s3\"cr3t"), "escaped by the writer");
    }

    /// <summary>A temporary $CREDENTIALS_DIRECTORY holding the given files, as systemd's LoadCredential= makes it.</summary>
    private sealed class CredentialsDirectory : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), "credentials-" + Guid.NewGuid().ToString("N"));

        public CredentialsDirectory(params (string Name, string Content)[] files)
        {
            Directory.CreateDirectory(_path);
            foreach (var (name, content) in files)
            {
                File.WriteAllText(Path.Combine(_path, name), content);
            }
        }

        /// <summary>An environment with only CREDENTIALS_DIRECTORY set (and the secret variable, when given).</summary>
        public Func<string, string?> Environment(string? secret = null) => name => name switch
        {
            ApiCredentials.CredentialsDirectoryVariable => _path,
            SecretVariable => secret,
            _ => null,
        };

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
