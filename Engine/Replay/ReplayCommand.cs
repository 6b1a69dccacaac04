namespace Engine.Replay;

/// <summary>
/// <c>engine replay --format lobster|itch|pcap-itch|kraken ...</c>: runs recorded market data
/// through the same decoders and books as live, and prints a JSON summary as the last line.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Usage text.</summary>
    public const string Usage =
        "usage: engine replay --format lobster --messages M --orderbook O [--levels N] [--out FILE]\n" +
        "       engine replay --format itch --file F [--instruments N] [--max-orders N] [--out FILE]\n" +
        "       engine replay --format pcap-itch --file F [--out FILE]\n" +
        "       engine replay --format kraken --file F [--out FILE]";

    /// <summary>Runs the replay; returns the process exit code (0 ok, 1 mismatches or bad data, 64 bad arguments).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var arguments = ReplayArguments.Parse(args);
        string? format = arguments.Required("format");
        if (arguments.Errors.Count > 0 || format is null)
        {
            return Fail(arguments, stderr);
        }
        return format switch
        {
            "lobster" => LobsterReplay.Run(arguments, stdout, stderr),
            "itch" => ItchReplay.Run(arguments, stdout, stderr),
            "pcap-itch" => PcapItchReplay.Run(arguments, stdout, stderr),
            "kraken" => KrakenReplay.Run(arguments, stdout, stderr),
            _ => Fail(arguments, stderr, $"unknown format '{format}'"),
        };
    }

    /// <summary>Prints every argument problem and the usage; returns 64.</summary>
    public static int Fail(ReplayArguments arguments, TextWriter stderr, string? extra = null)
    {
        foreach (string error in arguments.Errors)
        {
            stderr.WriteLine($"replay: {error}");
        }
        if (extra is not null)
        {
            stderr.WriteLine($"replay: {extra}");
        }
        stderr.WriteLine(Usage);
        return 64;
    }
}
