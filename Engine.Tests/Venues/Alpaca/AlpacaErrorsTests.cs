using System.Text;
using Engine.Orders;
using Engine.Venues.Alpaca;

namespace Engine.Tests.Venues.Alpaca;

public sealed class AlpacaErrorsTests
{
    [TestCase(403, 40310000, false, VenueRejectReason.InsufficientBuyingPower)]
    [TestCase(403, 0, false, VenueRejectReason.Unauthorized)]
    [TestCase(401, 40110000, false, VenueRejectReason.Unauthorized)]
    [TestCase(422, 42210000, false, VenueRejectReason.InvalidOrder)]
    [TestCase(422, 42210000, true, VenueRejectReason.NotCancelable)]
    [TestCase(400, 0, false, VenueRejectReason.InvalidOrder)]
    [TestCase(404, 40410000, false, VenueRejectReason.NotFound)]
    [TestCase(404, 40410000, true, VenueRejectReason.NotFound)]
    [TestCase(429, 0, false, VenueRejectReason.RateLimited)]
    [TestCase(500, 0, false, VenueRejectReason.VenueUnavailable)]
    [TestCase(503, 0, true, VenueRejectReason.VenueUnavailable)]
    [TestCase(418, 0, false, VenueRejectReason.Other)]
    public void ReasonOf_StatusAndCode_GivesTheTypedReason(int status, int code, bool cancel, VenueRejectReason expected) =>
        Assert.That(AlpacaErrors.ReasonOf(status, code, cancel), Is.EqualTo(expected));

    [Test]
    public void Read_AlpacaBody_KeepsCodeAndMessage() =>
        Assert.That(AlpacaErrors.Read(403, """{"code":40310000,"message":"insufficient buying power"}"""u8, false, text => text),
            Is.EqualTo(new AlpacaError(403, 40310000, "insufficient buying power", VenueRejectReason.InsufficientBuyingPower)));

    [TestCase("<html>bad gateway</html>")]
    [TestCase("{\"code\":\"x\"")]
    [TestCase("")]
    public void Read_BodyNotAlpacas_FallsBackToTheStatus(string body) =>
        Assert.That(AlpacaErrors.Read(502, Encoding.UTF8.GetBytes(body), false, text => text),
            Is.EqualTo(new AlpacaError(502, 0, "HTTP 502", VenueRejectReason.VenueUnavailable)));

    [Test]
    public void Read_LongMessage_IsCut() =>
        Assert.That(AlpacaErrors.Read(422, Encoding.UTF8.GetBytes($$"""{"code":42210000,"message":"{{new string('x', 5_000)}}"}"""), false, text => text).Message,
            Has.Length.EqualTo(200));
}
