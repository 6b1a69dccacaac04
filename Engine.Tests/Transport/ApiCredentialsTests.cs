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
}
