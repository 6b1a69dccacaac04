namespace Feeds.SoupBin;

/// <summary>Session-level happenings a <see cref="ISoupBinHandler"/> is told about.</summary>
public enum SoupBinSessionEvent
{
    /// <summary>Logged in; detail gives the session and next sequence number.</summary>
    LoggedIn,

    /// <summary>The server refused the login; detail gives the reason. The client stops.</summary>
    LoginRejected,

    /// <summary>The connection dropped or timed out; the client reconnects and resumes.</summary>
    Disconnected,

    /// <summary>The server ended the session; the client stops.</summary>
    EndOfSession,

    /// <summary>A malformed or unknown packet was skipped; detail says what.</summary>
    MalformedPacket,
}
