using System.Text;
using Feeds.Transport;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>A connection for driving a protocol by hand: records what it sends and asks for.</summary>
internal sealed class ScriptedConnection : IWebSocketConnection
{
    public List<string> Sent { get; } = [];

    public bool Established { get; private set; }

    public int ReconnectRequests { get; private set; }

    public int StopRequests { get; private set; }

    public bool SendText(byte[] utf8)
    {
        Sent.Add(Encoding.UTF8.GetString(utf8));
        return true;
    }

    public void MarkEstablished() => Established = true;

    public void CloseAndReconnect() => ReconnectRequests++;

    public void CloseAndStop() => StopRequests++;
}
