using Feeds.Instruments;
using Feeds.Itch;
using Feeds.MoldUdp;
using Feeds.Pcap;

namespace Engine.Replay;

/// <summary>
/// <c>engine replay --format pcap-itch --file F [--out FILE]</c>: reads ITCH 5.0 in MoldUDP64 packets
/// out of a pcap capture and prints, as its last line, a JSON summary: frames, datagrams, Mold
/// packets, messages per type, sequence gaps and missing messages, and what was malformed.
/// </summary>
/// <remarks>
/// Exit code 0, or 1 when the capture or anything in it was malformed (gaps alone are reported,
/// not failed). <c>--out</c> writes one CSV line per event, gap events included.
/// </remarks>
public static class PcapItchReplay
{
    /// <summary>Runs the replay.</summary>
    public static int Run(ReplayArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        string? file = arguments.ExistingFile("file");
        string? outPath = arguments.Optional("out");
        if (!arguments.IsValid() || file is null)
        {
            return ReplayCommand.Fail(arguments, stderr);
        }

        var instruments = new InstrumentTable(ItchReplay.InstrumentCapacity);
        using var csv = outPath is null ? null : new StreamWriter(outPath);
        var sink = new ItchReplaySink(instruments, book: null, csv);
        var decoder = new ItchDecoder(instruments, sink, sink);
        var session = new MoldUdp64Session(decoder, sink);
        var feed = new PcapMoldUdp64Feed(session);
        var reader = new PcapFileReader(feed);
        var status = reader.ReadFileAsync(file, CancellationToken.None).GetAwaiter().GetResult();

        var counters = decoder.Counters;
        bool badCapture = status != PcapReadStatus.Completed;
        long malformed = counters.Malformed + session.MalformedPackets + feed.MalformedFrames + (badCapture ? 1 : 0);
        if (malformed > 0)
        {
            stderr.WriteLine($"replay: malformed input: capture {status}, {feed.MalformedFrames} frames, {session.MalformedPackets} MoldUDP64 packets, {counters.Malformed} ITCH messages");
        }
        stdout.WriteLine(ReplayJson.Object(writer =>
        {
            writer.WriteString("capture", status.ToString());
            writer.WriteNumber("frames", feed.Frames);
            writer.WriteNumber("udpDatagrams", feed.WithStatus(UdpFrameStatus.Udp));
            writer.WriteNumber("moldPackets", session.Packets);
            writer.WriteNumber("messages", counters.Decoded);
            ItchReplayReport.WriteTypes(writer, counters);
            writer.WriteStartObject("sequence");
            writer.WriteNumber("gaps", session.Gaps);
            writer.WriteNumber("missingMessages", session.MissingMessages);
            writer.WriteNumber("duplicateMessages", session.DuplicateMessages);
            writer.WriteNumber("unsequencedPackets", session.UnsequencedPackets);
            writer.WriteNumber("heartbeats", session.WithStatus(MoldUdp64PacketStatus.Heartbeat));
            writer.WriteNumber("endOfSession", session.WithStatus(MoldUdp64PacketStatus.EndOfSession));
            writer.WriteNumber("sessionChanges", session.SessionChanges);
            writer.WriteNumber("nextExpected", session.NextExpectedSequence);
            writer.WriteEndObject();
            writer.WriteStartObject("skippedFrames");
            writer.WriteNumber("notIpv4", feed.WithStatus(UdpFrameStatus.NotIpv4));
            writer.WriteNumber("notUdp", feed.WithStatus(UdpFrameStatus.NotUdp));
            writer.WriteNumber("fragment", feed.WithStatus(UdpFrameStatus.Fragment));
            writer.WriteEndObject();
            writer.WriteStartObject("malformed");
            writer.WriteNumber("total", malformed);
            writer.WriteNumber("frames", feed.MalformedFrames);
            writer.WriteNumber("moldPackets", session.MalformedPackets);
            writer.WriteNumber("messages", counters.Malformed);
            writer.WriteEndObject();
            ItchReplayReport.WriteRejects(writer, counters);
        }));
        return malformed > 0 ? 1 : 0;
    }
}
