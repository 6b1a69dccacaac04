using Feeds.Alpaca;

namespace Engine.Tests.Alpaca;

public sealed class AlpacaErrorPolicyTests
{
    [TestCase(400, AlpacaErrorAction.Stop)]
    [TestCase(401, AlpacaErrorAction.Reconnect)]
    [TestCase(402, AlpacaErrorAction.Stop)]
    [TestCase(403, AlpacaErrorAction.Continue)]
    [TestCase(404, AlpacaErrorAction.Reconnect)]
    [TestCase(405, AlpacaErrorAction.Stop)]
    [TestCase(406, AlpacaErrorAction.Reconnect)]
    [TestCase(407, AlpacaErrorAction.Continue)]
    [TestCase(408, AlpacaErrorAction.Stop)]
    [TestCase(409, AlpacaErrorAction.Stop)]
    [TestCase(410, AlpacaErrorAction.Continue)]
    [TestCase(500, AlpacaErrorAction.Reconnect)]
    [TestCase(999, AlpacaErrorAction.Continue)]
    public void ActionFor_EachCode_FollowsTheDocumentedMeaning(int code, AlpacaErrorAction expected)
    {
        Assert.That(AlpacaErrorPolicy.ActionFor(code), Is.EqualTo(expected));
    }
}
