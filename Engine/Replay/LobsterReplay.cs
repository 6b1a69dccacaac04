namespace Engine.Replay;

/// <summary>Replay of the Lobster format (being built under issue 3).</summary>
public static class LobsterReplay
{
    /// <summary>Runs the replay.</summary>
    public static int Run(ReplayArguments arguments, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        stderr.WriteLine("replay: this format is not implemented yet (issue 3)");
        return 2;
    }
}
