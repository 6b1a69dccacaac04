using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace Feeds.SoupBin;

/// <summary>
/// A SoupBinTCP 4.0 client session: logs in, reads sequenced messages through a
/// <see cref="PipeReader"/> over the socket and hands each to the handler in order, sends a
/// heartbeat when it has been quiet, and after a dropped or silent connection logs in again asking
/// for the next sequence number it has not seen, so nothing is lost or delivered twice.
/// </summary>
/// <remarks>
/// <see cref="RunAsync"/> runs until cancelled, the login is rejected, or the server ends the
/// session. The counters may be read from any thread.
/// </remarks>
public sealed class SoupBinClient
{
    private readonly SoupBinOptions _options;
    private readonly SoupBinCredentials _credentials;
    private readonly ISoupBinHandler _handler;
    private readonly byte[] _scratch = new byte[SoupBinLayout.Header + SoupBinLayout.MaxPayload];
    private string _session;
    private long _nextSequence;
    private long _lastReceivedTicks;
    private long _messages;
    private long _serverHeartbeats;
    private long _reconnects;
    private long _malformed;
    private bool _loggedIn;

    /// <summary>Creates the client; nothing connects until <see cref="RunAsync"/>.</summary>
    public SoupBinClient(SoupBinOptions options, SoupBinCredentials credentials, ISoupBinHandler handler)
    {
        _options = options;
        _credentials = credentials;
        _handler = handler;
        _session = options.Session;
        _nextSequence = options.FirstSequence;
    }

    /// <summary>The sequence number of the next message expected.</summary>
    public long NextSequence => Volatile.Read(ref _nextSequence);

    /// <summary>Sequenced messages delivered.</summary>
    public long Messages => Volatile.Read(ref _messages);

    /// <summary>Server heartbeats received.</summary>
    public long ServerHeartbeats => Volatile.Read(ref _serverHeartbeats);

    /// <summary>Reconnections after a dropped or silent connection.</summary>
    public long Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Malformed or unknown packets skipped.</summary>
    public long MalformedPackets => Volatile.Read(ref _malformed);

    /// <summary>Runs the session, reconnecting with exponential backoff, until cancelled, rejected or ended.</summary>
    /// <returns>How it ended.</returns>
    public async Task<SoupBinSessionEvent> RunAsync(CancellationToken cancellation)
    {
        int failures = 0;
        while (true)
        {
            var end = SoupBinSessionEvent.Disconnected;
            string detail;
            _loggedIn = false;
            try
            {
                (end, detail) = await RunConnectionAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return SoupBinSessionEvent.Disconnected;
            }
            catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
            {
                detail = exception.Message;
            }
            if (end != SoupBinSessionEvent.Disconnected)
            {
                return end;
            }
            _handler.OnSessionEvent(SoupBinSessionEvent.Disconnected, detail);
            Interlocked.Increment(ref _reconnects);
            if (_loggedIn)
            {
                failures = 0; // the backoff grows only over attempts that never got in
            }
            int delayMs = (int)Math.Min(_options.ReconnectMaxDelayMs, (long)_options.ReconnectInitialDelayMs << Math.Min(failures++, 20));
            await Task.Delay(delayMs, cancellation).ConfigureAwait(false);
        }
    }

    private async Task<(SoupBinSessionEvent End, string Detail)> RunConnectionAsync(CancellationToken cancellation)
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(_options.Host, _options.Port, cancellation).ConfigureAwait(false);
        var stream = tcp.GetStream();
        using var writer = new SoupBinPacketWriter(stream);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Volatile.Write(ref _lastReceivedTicks, Environment.TickCount64);
        await writer.SendLoginAsync(_credentials, _session, NextSequence, cancellation).ConfigureAwait(false);
        var keepAlive = KeepAliveAsync(writer, connection);
        var reader = PipeReader.Create(stream);
        try
        {
            return await ReadPacketsAsync(reader, connection.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return (SoupBinSessionEvent.Disconnected, $"no packet from the server for {_options.ServerTimeoutMs} ms");
        }
        finally
        {
            if (cancellation.IsCancellationRequested)
            {
                await TryLogoutAsync(writer, tcp.Client).ConfigureAwait(false);
            }
            await connection.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    private async Task<(SoupBinSessionEvent End, string Detail)> ReadPacketsAsync(PipeReader reader, CancellationToken cancellation)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellation).ConfigureAwait(false);
            var buffer = result.Buffer;
            while (TryTakePacket(ref buffer, out var packet))
            {
                Volatile.Write(ref _lastReceivedTicks, Environment.TickCount64);
                var end = Handle(packet.Span);
                if (end is not null)
                {
                    reader.AdvanceTo(buffer.Start);
                    return end.Value;
                }
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return (SoupBinSessionEvent.Disconnected, "the server closed the connection");
            }
        }
    }

    /// <summary>Takes one whole packet (type byte and payload) off the front of the buffer, if there is one.</summary>
    private bool TryTakePacket(ref ReadOnlySequence<byte> buffer, out ReadOnlyMemory<byte> packet)
    {
        packet = default;
        if (buffer.Length < SoupBinLayout.LengthPrefix)
        {
            return false;
        }
        Span<byte> prefix = stackalloc byte[SoupBinLayout.LengthPrefix];
        buffer.Slice(0, SoupBinLayout.LengthPrefix).CopyTo(prefix);
        int length = BinaryPrimitives.ReadUInt16BigEndian(prefix);
        if (buffer.Length < SoupBinLayout.LengthPrefix + length)
        {
            return false;
        }
        var body = buffer.Slice(SoupBinLayout.LengthPrefix, length);
        if (body.IsSingleSegment)
        {
            packet = body.First;
        }
        else
        {
            body.CopyTo(_scratch);
            packet = _scratch.AsMemory(0, length);
        }
        buffer = buffer.Slice(SoupBinLayout.LengthPrefix + length);
        return true;
    }

    /// <summary>Acts on one packet; returns how the session ends if this packet ends it.</summary>
    private (SoupBinSessionEvent, string)? Handle(ReadOnlySpan<byte> packet)
    {
        if (packet.IsEmpty)
        {
            Malformed("empty packet (length 0)");
            return null;
        }
        var payload = packet[1..];
        switch (packet[0])
        {
            case SoupBinLayout.ServerType.SequencedData:
                _handler.OnSequencedMessage(payload, _nextSequence);
                Volatile.Write(ref _nextSequence, _nextSequence + 1);
                Interlocked.Increment(ref _messages);
                return null;
            case SoupBinLayout.ServerType.Heartbeat:
                Interlocked.Increment(ref _serverHeartbeats);
                return null;
            case SoupBinLayout.ServerType.LoginAccepted:
                return Accept(payload);
            case SoupBinLayout.ServerType.LoginRejected:
                string reason = payload.Length == 1 && payload[0] == (byte)'A' ? "not authorized (A)"
                    : payload.Length == 1 && payload[0] == (byte)'S' ? "session not available (S)"
                    : $"reason '{Encoding.ASCII.GetString(payload)}'";
                _handler.OnSessionEvent(SoupBinSessionEvent.LoginRejected, reason);
                return (SoupBinSessionEvent.LoginRejected, reason);
            case SoupBinLayout.ServerType.EndOfSession:
                _handler.OnSessionEvent(SoupBinSessionEvent.EndOfSession, $"next sequence {_nextSequence}");
                return (SoupBinSessionEvent.EndOfSession, "end of session");
            case SoupBinLayout.ServerType.Debug:
                return null;
            default:
                Malformed($"unknown packet type 0x{packet[0]:X2}");
                return null;
        }
    }

    private (SoupBinSessionEvent, string)? Accept(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != SoupBinLayout.LoginAcceptedPayload ||
            !long.TryParse(Encoding.ASCII.GetString(payload[SoupBinLayout.SessionLength..]).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long next))
        {
            Malformed($"login accepted packet of {payload.Length} bytes, expected {SoupBinLayout.LoginAcceptedPayload}");
            return (SoupBinSessionEvent.Disconnected, "malformed login accepted");
        }
        _session = Encoding.ASCII.GetString(payload[..SoupBinLayout.SessionLength]).Trim();
        Volatile.Write(ref _nextSequence, next);
        _loggedIn = true;
        _handler.OnSessionEvent(SoupBinSessionEvent.LoggedIn, $"session '{_session}', next sequence {next}");
        return null;
    }

    private void Malformed(string detail)
    {
        Interlocked.Increment(ref _malformed);
        _handler.OnSessionEvent(SoupBinSessionEvent.MalformedPacket, detail);
    }

    /// <summary>Sends heartbeats when quiet and drops the connection when the server is silent too long.</summary>
    private async Task KeepAliveAsync(SoupBinPacketWriter writer, CancellationTokenSource connection)
    {
        int tickMs = Math.Max(5, _options.HeartbeatIntervalMs / 4);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(tickMs));
        try
        {
            while (await timer.WaitForNextTickAsync(connection.Token).ConfigureAwait(false))
            {
                long now = Environment.TickCount64;
                if (now - Volatile.Read(ref _lastReceivedTicks) > _options.ServerTimeoutMs)
                {
                    await connection.CancelAsync().ConfigureAwait(false);
                    return;
                }
                if (now - writer.LastSentTicks >= _options.HeartbeatIntervalMs)
                {
                    // Not the connection's token: cancelling a socket write mid-way aborts the socket,
                    // and the logout that follows a cancellation must still get through.
                    using var bounded = new CancellationTokenSource(_options.ServerTimeoutMs);
                    await writer.SendHeartbeatAsync(bounded.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The connection is ending; the reader reports why.
        }
    }

    /// <summary>
    /// Sends a logout, then half-closes and reads until the server closes: closing a socket with
    /// unread data sends a reset, and a reset can destroy the logout before the server reads it.
    /// </summary>
    private static async Task TryLogoutAsync(SoupBinPacketWriter writer, Socket socket)
    {
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await writer.SendLogoutAsync(bounded.Token).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
            var drain = new byte[256];
            while (await socket.ReceiveAsync(drain, SocketFlags.None, bounded.Token).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // Best effort: the process is stopping anyway.
        }
    }
}
