using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Feeds.SoupBin;

namespace Engine.Tests.SoupBin;

/// <summary>
/// A real SoupBinTCP server on 127.0.0.1 for the client tests: checks the login, streams its
/// messages from the requested sequence number, heartbeats when idle, and can misbehave on cue
/// (drop the connection, go silent, send junk, split packets into single bytes).
/// </summary>
internal sealed class LoopbackSoupBinServer : IAsyncDisposable
{
    public const string SessionName = "TEST000001";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly IReadOnlyList<byte[]> _messages;
    private int _connections;

    public LoopbackSoupBinServer(IReadOnlyList<byte[]> messages, string username, string password)
    {
        _messages = messages;
        Username = username;
        Password = password;
        _listener.Start();
        _accepting = AcceptLoopAsync();
    }

    public string Username { get; }

    public string Password { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>First connection only: close the socket after sending this many messages.</summary>
    public int DropFirstConnectionAfter { get; init; } = -1;

    /// <summary>First connection only: after the login, send nothing at all (no data, no heartbeats).</summary>
    public bool SilentOnFirstConnection { get; init; }

    /// <summary>Send an unknown packet type before this message number (1-based), -1 for never.</summary>
    public int JunkBeforeMessage { get; init; } = -1;

    /// <summary>Write every packet one byte at a time, so the client sees packets split across reads.</summary>
    public bool WriteByteByByte { get; init; }

    /// <summary>Send End of Session once every message is sent; otherwise stay idle and heartbeat.</summary>
    public bool EndSessionWhenDone { get; init; } = true;

    /// <summary>Sequence numbers the client asked for, one per login, in order.</summary>
    public ConcurrentQueue<long> RequestedSequences { get; } = new();

    /// <summary>Client packet types received after the login ('R' heartbeat, 'O' logout).</summary>
    public ConcurrentQueue<char> ClientPackets { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            int connection = ++_connections;
            try
            {
                await ServeAsync(client.GetStream(), connection);
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException)
            {
                // The client went away; wait for the next one.
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream, int connection)
    {
        var login = await ReadPacketAsync(stream);
        if (login is null || login[0] != SoupBinLayout.ClientType.LoginRequest)
        {
            return;
        }
        string user = Encoding.ASCII.GetString(login, 1, 6).TrimEnd();
        string password = Encoding.ASCII.GetString(login, 7, 10).TrimEnd();
        long requested = long.Parse(Encoding.ASCII.GetString(login, 27, 20).Trim(), CultureInfo.InvariantCulture);
        RequestedSequences.Enqueue(requested);
        if (user != Username || password != Password)
        {
            await WritePacketAsync(stream, SoupBinLayout.ServerType.LoginRejected, "A"u8.ToArray());
            return;
        }
        long next = requested == 0 ? _messages.Count + 1 : Math.Min(requested, _messages.Count + 1);
        await WritePacketAsync(stream, SoupBinLayout.ServerType.LoginAccepted, Encoding.ASCII.GetBytes($"{SessionName,10}{next,20}"));
        var clientReader = ReadClientPacketsAsync(stream);
        if (connection == 1 && SilentOnFirstConnection)
        {
            await clientReader;
            return;
        }
        int sent = 0;
        for (long sequence = next; sequence <= _messages.Count; sequence++)
        {
            if (connection == 1 && sent == DropFirstConnectionAfter)
            {
                return;
            }
            if (sequence == JunkBeforeMessage)
            {
                await WritePacketAsync(stream, (byte)'Q', [1, 2, 3]);
            }
            await WritePacketAsync(stream, SoupBinLayout.ServerType.SequencedData, _messages[(int)sequence - 1]);
            sent++;
        }
        if (EndSessionWhenDone)
        {
            await WritePacketAsync(stream, SoupBinLayout.ServerType.EndOfSession, []);
            await clientReader;
            return;
        }
        while (!clientReader.IsCompleted && !_stop.IsCancellationRequested)
        {
            await WritePacketAsync(stream, SoupBinLayout.ServerType.Heartbeat, []);
            await Task.WhenAny(clientReader, Task.Delay(20, _stop.Token));
        }
    }

    private async Task ReadClientPacketsAsync(NetworkStream stream)
    {
        while (await ReadPacketAsync(stream) is { } packet)
        {
            ClientPackets.Enqueue((char)packet[0]);
            if (packet[0] == SoupBinLayout.ClientType.LogoutRequest)
            {
                return; // the server closes the session after a logout
            }
        }
    }

    private async Task<byte[]?> ReadPacketAsync(NetworkStream stream)
    {
        var prefix = new byte[2];
        try
        {
            await stream.ReadExactlyAsync(prefix, _stop.Token);
            var packet = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(packet, _stop.Token);
            return packet;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or OperationCanceledException)
        {
            return null;
        }
    }

    private async Task WritePacketAsync(NetworkStream stream, byte type, byte[] payload)
    {
        var packet = new byte[3 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(packet, (ushort)(payload.Length + 1));
        packet[2] = type;
        payload.CopyTo(packet, 3);
        if (!WriteByteByByte)
        {
            await stream.WriteAsync(packet, _stop.Token);
            return;
        }
        for (int i = 0; i < packet.Length; i++)
        {
            await stream.WriteAsync(packet.AsMemory(i, 1), _stop.Token);
            await stream.FlushAsync(_stop.Token);
        }
    }
}
