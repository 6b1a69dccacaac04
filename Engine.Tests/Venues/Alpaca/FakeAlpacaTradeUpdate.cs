namespace Engine.Tests.Venues.Alpaca;

/// <summary>One trade_updates message the fake published.</summary>
/// <param name="Event">Alpaca's event name: new, partial_fill, fill, canceled.</param>
/// <param name="ClientOrderId">The order's client order id.</param>
/// <param name="Message">The whole message as the stream sends it: <c>{"stream":"trade_updates","data":{...}}</c>.</param>
internal sealed record FakeAlpacaTradeUpdate(string Event, string ClientOrderId, string Message);
