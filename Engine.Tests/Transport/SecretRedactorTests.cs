using Feeds.Transport;

namespace Engine.Tests.Transport;

/// <summary>Secret values and secret-looking headers and JSON fields become the marker; other text stays as it is.</summary>
public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor s_redactor = new(["abc", "abcdef", null, " ", "abc"], "***");

    [Test]
    public void Redact_ValueInsideALongerValue_ReplacesTheLongerOneWhole() =>
        Assert.That(s_redactor.Redact("x abcdef y abc z"), Is.EqualTo("x *** y *** z"));

    [Test]
    public void Redact_NothingSecret_ReturnsTheSameInstance()
    {
        string text = "authorized, listening; the key of the book is 7";

        Assert.That(s_redactor.Redact(text), Is.SameAs(text));
    }

    [TestCase("authorization=bearer tok123; next", "authorization=bearer ***; next")]
    [TestCase("Authorization: Basic dXNlcjpwYXNz", "Authorization: Basic ***")]
    [TestCase("apca-api-key-id:PK1 APCA-API-SECRET-KEY = s2", "apca-api-key-id:*** APCA-API-SECRET-KEY = ***")]
    [TestCase("""{"action":"auth","key":"PK1","secret":"s2"}""", """{"action":"auth","key":"***","secret":"***"}""")]
    [TestCase("""{"key_id": "PK1", "Secret_Key" : "s\"2", "token":"t"}""", """{"key_id": "***", "Secret_Key" : "***", "token":"***"}""")]
    public void Redact_SecretPattern_KeepsTheNameAndReplacesTheValue(string text, string expected) =>
        Assert.That(s_redactor.Redact(text), Is.EqualTo(expected));
}
