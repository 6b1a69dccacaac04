using System.Net.WebSockets;
using System.Threading.Channels;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>One connection to the fake's <c>/stream</c>: its socket and the queue of messages its one sender writes.</summary>
internal sealed class FakeAlpacaStreamConnection(WebSocket socket)
{
    public WebSocket Socket { get; } = socket;

    /// <summary>Messages to send, in order; every writer goes through here, so sends never overlap.</summary>
    public Channel<string> Outbox { get; } = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Whether it listens to trade_updates; read and written under the server's lock.</summary>
    public bool Listening { get; set; }
}
