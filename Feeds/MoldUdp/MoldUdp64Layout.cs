namespace Feeds.MoldUdp;

/// <summary>Byte offsets of a MoldUDP64 downstream packet (the payload of one UDP datagram); integers big-endian.</summary>
/// <remarks>
/// <code>
///  0              10                 18              20
///  +--------------+------------------+---------------+----------------------------------+
///  | session (10) | sequence (u64)   | count (u16)   | count x message block            |
///  +--------------+------------------+---------------+----------------------------------+
///  message block:  | length (u16) | message (length bytes) |
/// </code>
/// The sequence is that of the packet's first message; the next packet's is this one's plus count.
/// A count of 0 is a heartbeat (the sequence is the next one expected); <see cref="EndOfSessionCount"/>
/// marks the end of the session.
/// </remarks>
public static class MoldUdp64Layout
{
    /// <summary>Offset of the session name (10 ASCII bytes).</summary>
    public const int Session = 0;

    /// <summary>Length of the session name.</summary>
    public const int SessionLength = 10;

    /// <summary>Offset of the sequence number of the first message (u64).</summary>
    public const int SequenceNumber = 10;

    /// <summary>Offset of the message count (u16).</summary>
    public const int MessageCount = 18;

    /// <summary>Length of the packet header; the first message block starts here.</summary>
    public const int HeaderLength = 20;

    /// <summary>Length of a message block's length prefix.</summary>
    public const int BlockLengthPrefix = 2;

    /// <summary>The message count of an end-of-session packet.</summary>
    public const ushort EndOfSessionCount = 0xFFFF;
}
