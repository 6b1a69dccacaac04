namespace Feeds.Kraken;

/// <summary>The outcome of decoding one message.</summary>
/// <param name="Kind">What the message was.</param>
/// <param name="Reason">Why it was not applied; <see cref="KrakenRejectReason.None"/> if it was.</param>
/// <param name="InstrumentId">The pair's instrument id for book messages whose pair is known; -1 otherwise.</param>
/// <param name="ChecksumFailed">True if the message was an update whose checksum did not match (the book is now invalid).</param>
public readonly record struct KrakenDecodeResult(KrakenMessageKind Kind, KrakenRejectReason Reason, int InstrumentId, bool ChecksumFailed);
