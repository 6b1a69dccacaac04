namespace Feeds.Pcap;

/// <summary>How a <see cref="PcapFileReader"/> run ended.</summary>
public enum PcapReadStatus : byte
{
    /// <summary>Not finished yet.</summary>
    Reading,

    /// <summary>Every record was read.</summary>
    Completed,

    /// <summary>Malformed: no classic pcap magic number (pcapng is not read); nothing was read.</summary>
    BadMagic,

    /// <summary>The link type is not Ethernet; nothing was read.</summary>
    UnsupportedLinkType,

    /// <summary>Malformed: a record header gives an impossible length. Pcap has no sync marker, so reading stopped there.</summary>
    CorruptRecord,

    /// <summary>Malformed: the input ended inside the file header or a record.</summary>
    Truncated,
}
