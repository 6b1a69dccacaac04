namespace Feeds.Itch;

/// <summary>What an <see cref="ItchDecoder"/> has seen: decoded messages per type and rejects per reason.</summary>
/// <remarks>Written by the decoding thread only; read it there, or after decoding has stopped.</remarks>
public sealed class ItchDecoderCounters
{
    private readonly long[] _byType = new long[256];
    private readonly long[] _byStatus = new long[Enum.GetValues<ItchDecodeStatus>().Length];

    /// <summary>Well-formed messages, all types (published or not: see <see cref="ItchDecodeStatus.UnboundLocate"/>).</summary>
    public long Decoded { get; private set; }

    /// <summary>Messages rejected as malformed (<see cref="ItchDecodeStatus.UnknownType"/>, <see cref="ItchDecodeStatus.WrongLength"/>, <see cref="ItchDecodeStatus.InvalidField"/>).</summary>
    public long Malformed { get; private set; }

    /// <summary>Well-formed messages of <paramref name="type"/>.</summary>
    public long OfType(ItchMessageType type) => _byType[(byte)type];

    /// <summary>Messages that ended with <paramref name="status"/>.</summary>
    public long WithStatus(ItchDecodeStatus status) => _byStatus[(int)status];

    /// <summary>True for the statuses of a message that could not be decoded at all.</summary>
    public static bool IsMalformed(ItchDecodeStatus status) =>
        status is ItchDecodeStatus.UnknownType or ItchDecodeStatus.WrongLength or ItchDecodeStatus.InvalidField;

    internal void Count(ItchDecodeStatus status, byte type)
    {
        _byStatus[(int)status]++;
        if (!IsMalformed(status))
        {
            _byType[type]++;
            Decoded++;
        }
        else
        {
            Malformed++;
        }
    }
}
