using System.Buffers.Binary;
using System.Globalization;

namespace Feeds.SoupBin;

/// <summary>Writes client packets to the session's stream, one at a time (login, heartbeats and logout come from different tasks).</summary>
internal sealed class SoupBinPacketWriter : IDisposable
{
    private static readonly byte[] s_heartbeat = [0, 1, SoupBinLayout.ClientType.Heartbeat];
    private static readonly byte[] s_logout = [0, 1, SoupBinLayout.ClientType.LogoutRequest];

    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _lastSentTicks = Environment.TickCount64;

    public SoupBinPacketWriter(Stream stream) => _stream = stream;

    /// <summary><see cref="Environment.TickCount64"/> when the last packet was sent.</summary>
    public long LastSentTicks => Volatile.Read(ref _lastSentTicks);

    public Task SendLoginAsync(SoupBinCredentials credentials, string session, long sequence, CancellationToken cancellation)
    {
        var packet = new byte[SoupBinLayout.Header + SoupBinLayout.LoginRequestPayload];
        BinaryPrimitives.WriteUInt16BigEndian(packet, SoupBinLayout.LoginRequestPayload + 1);
        packet[SoupBinLayout.LengthPrefix] = SoupBinLayout.ClientType.LoginRequest;
        var payload = packet.AsSpan(SoupBinLayout.Header);
        payload.Fill((byte)' ');
        WriteAscii(payload[..SoupBinLayout.UsernameLength], credentials.Username, padLeft: false);
        WriteAscii(payload.Slice(SoupBinLayout.UsernameLength, SoupBinLayout.PasswordLength), credentials.Password, padLeft: false);
        WriteAscii(payload.Slice(SoupBinLayout.UsernameLength + SoupBinLayout.PasswordLength, SoupBinLayout.SessionLength), session, padLeft: true);
        WriteAscii(payload[^SoupBinLayout.SequenceLength..], sequence.ToString(CultureInfo.InvariantCulture), padLeft: true);
        return SendAsync(packet, cancellation);
    }

    public Task SendHeartbeatAsync(CancellationToken cancellation) => SendAsync(s_heartbeat, cancellation);

    public Task SendLogoutAsync(CancellationToken cancellation) => SendAsync(s_logout, cancellation);

    public void Dispose() => _gate.Dispose();

    private async Task SendAsync(byte[] packet, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(packet, cancellation).ConfigureAwait(false);
            Volatile.Write(ref _lastSentTicks, Environment.TickCount64);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void WriteAscii(Span<byte> field, string text, bool padLeft)
    {
        var target = padLeft ? field[(field.Length - text.Length)..] : field[..text.Length];
        System.Text.Encoding.ASCII.GetBytes(text, target);
    }
}
