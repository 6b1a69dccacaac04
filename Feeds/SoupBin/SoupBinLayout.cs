namespace Feeds.SoupBin;

/// <summary>
/// Wire layout of SoupBinTCP 4.0 logical packets. Every packet:
/// <code>
/// +--------+--------+------+---------------------------+
/// | length (u16 BE) | type | payload (length - 1 bytes)|
/// +--------+--------+------+---------------------------+
/// </code>
/// Alpha fields are ASCII padded with spaces: usernames and passwords on the right, sessions and
/// sequence numbers (decimal text) on the left.
/// </summary>
public static class SoupBinLayout
{
    /// <summary>Bytes of the length prefix.</summary>
    public const int LengthPrefix = 2;

    /// <summary>Bytes of prefix plus type: the smallest packet.</summary>
    public const int Header = 3;

    /// <summary>Largest payload a packet may carry (the length prefix is 16 bits and counts the type byte).</summary>
    public const int MaxPayload = ushort.MaxValue - 1;

    /// <summary>Width of the username field.</summary>
    public const int UsernameLength = 6;

    /// <summary>Width of the password field.</summary>
    public const int PasswordLength = 10;

    /// <summary>Width of a session field.</summary>
    public const int SessionLength = 10;

    /// <summary>Width of a sequence-number field.</summary>
    public const int SequenceLength = 20;

    /// <summary>Login Request payload: username(6) password(10) session(10) sequence(20).</summary>
    public const int LoginRequestPayload = UsernameLength + PasswordLength + SessionLength + SequenceLength;

    /// <summary>Login Accepted payload: session(10) sequence(20), the next sequence number the server will send.</summary>
    public const int LoginAcceptedPayload = SessionLength + SequenceLength;

    /// <summary>Packet types sent by the server.</summary>
    public static class ServerType
    {
        /// <summary>'+': free-form debug text.</summary>
        public const byte Debug = (byte)'+';

        /// <summary>'A': login accepted.</summary>
        public const byte LoginAccepted = (byte)'A';

        /// <summary>'J': login rejected; payload is one reason byte.</summary>
        public const byte LoginRejected = (byte)'J';

        /// <summary>'S': one sequenced message of the higher-level protocol (ITCH).</summary>
        public const byte SequencedData = (byte)'S';

        /// <summary>'H': server heartbeat, sent when the server has sent nothing for a second.</summary>
        public const byte Heartbeat = (byte)'H';

        /// <summary>'Z': end of session; no more sequenced data will come.</summary>
        public const byte EndOfSession = (byte)'Z';
    }

    /// <summary>Packet types sent by the client.</summary>
    public static class ClientType
    {
        /// <summary>'L': login request.</summary>
        public const byte LoginRequest = (byte)'L';

        /// <summary>'R': client heartbeat, sent when the client has sent nothing for a second.</summary>
        public const byte Heartbeat = (byte)'R';

        /// <summary>'O': logout request.</summary>
        public const byte LogoutRequest = (byte)'O';
    }
}
