namespace Engine.Host;

/// <summary>The engine's command line: <c>[run|check-config] [--config PATH] [--env NAME] [--duration-s N]</c>.</summary>
/// <param name="Command">run or check-config.</param>
/// <param name="ConfigPath">The configuration file.</param>
/// <param name="DurationSeconds">Stop by itself after this long; 0 runs until a signal.</param>
/// <param name="Environment">The environment overlay to apply (<c>--env</c>); null leaves the choice to <c>ENGINE_ENV</c>.</param>
public sealed record CommandLine(string Command, string ConfigPath, int DurationSeconds, string? Environment = null)
{
    /// <summary>The default configuration file, beside the executable.</summary>
    public static readonly string DefaultConfigPath = Path.Combine(AppContext.BaseDirectory, "config", "engine.json");

    /// <summary>Usage text.</summary>
    public const string Usage = "usage: engine [run|check-config] [--config PATH] [--env NAME] [--duration-s N]";

    /// <summary>Parses <paramref name="args"/>; null (with <paramref name="error"/>) when they make no sense.</summary>
    public static CommandLine? Parse(string[] args, out string? error)
    {
        string command = "run";
        string config = DefaultConfigPath;
        int duration = 0;
        string? environment = null;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "run" or "check-config" when i == 0:
                    command = args[i];
                    break;
                case "--config" when i + 1 < args.Length:
                    config = args[++i];
                    break;
                case "--env" when i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]):
                    environment = args[++i];
                    break;
                case "--duration-s" when i + 1 < args.Length && int.TryParse(args[i + 1], out duration) && duration >= 0:
                    i++;
                    break;
                default:
                    error = $"unexpected argument '{args[i]}'. {Usage}";
                    return null;
            }
        }
        return new CommandLine(command, config, duration, environment);
    }
}
