namespace Feeds.Itch;

/// <summary>What an <see cref="ItchDecoder"/> has seen: decoded messages per type and rejects per reason.</summary>
/// <remarks>Written by the decoding thread only; read it there, or after decoding has stopped.</remarks>
public sealed class ItchDecoderCounters
{
    private readonly long[] _byType = new long[256];
    private readonly long[] _byStatus = new long[Enum.GetValues<ItchDecodeStatus>().Length];

    /// <summary>Messages decoded, all types.</summary>
    public long Decoded { get; private set; }

    /// <summary>Messages rejected as malformed (<see cref="ItchDecodeStatus.UnknownType"/>, <see cref="ItchDecodeStatus.WrongLength"/>, <see cref="ItchDecodeStatus.InvalidField"/>).</summary>
    public long Malformed =>
        _byStatus[(int)ItchDecodeStatus.UnknownType] + _byStatus[(int)ItchDecodeStatus.WrongLength] + _byStatus[(int)ItchDecodeStatus.InvalidField];

    /// <summary>Messages of <paramref name="type"/> decoded.</summary>
    public long OfType(ItchMessageType type) => _byType[(byte)type];

    /// <summary>Messages that ended with <paramref name="status"/> (for <see cref="ItchDecodeStatus.Decoded"/>, the same as <see cref="Decoded"/>).</summary>
    public long WithStatus(ItchDecodeStatus status) => _byStatus[(int)status];

    internal void Count(ItchDecodeStatus status, byte type)
    {
        _byStatus[(int)status]++;
        if (status == ItchDecodeStatus.Decoded)
        {
            _byType[type]++;
            Decoded++;
        }
    }
}
