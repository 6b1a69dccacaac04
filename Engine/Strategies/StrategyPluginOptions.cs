using System.Text.Json;
using Engine.Config;

namespace Engine.Strategies;

/// <summary>The <c>strategy.plugin</c> section: a strategy from an assembly of the user's (<see cref="IStrategyPlugin"/>), run with <c>strategy.name: Plugin</c>.</summary>
public sealed record StrategyPluginOptions
{
    private static readonly JsonElement s_noParameters = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The plugin's assembly: a path to its .dll, as given (a relative path is taken from the working directory). Needs a restart to change.</summary>
    public string Assembly { get; set; } = "";

    /// <summary>The full name of the class in it that implements <see cref="IStrategyPlugin"/>. Needs a restart to change.</summary>
    public string Type { get; set; } = "";

    /// <summary>The strategy's own parameters, a JSON object the plugin validates and reads. Reloaded on SIGHUP.</summary>
    public JsonElement Parameters { get; set; } = s_noParameters;

    /// <summary>
    /// Adds every problem to <paramref name="errors"/>: the assembly and the type must load as an
    /// <see cref="IStrategyPlugin"/>, the parameters must be an object, and the plugin's own
    /// validation of them must pass (its problems under <c>{path}.parameters</c>).
    /// </summary>
    public void Validate(string path, List<string> errors, int instruments)
    {
        ArgumentNullException.ThrowIfNull(errors);
        bool isObject = Parameters.ValueKind == JsonValueKind.Object;
        if (!isObject)
        {
            errors.Add($"{path}.parameters: must be a JSON object, got {Parameters.ValueKind}");
        }
        var loaded = StrategyPlugins.Load(Assembly, Type);
        if (loaded.Plugin is null)
        {
            errors.Add($"{path}.{loaded.ProblemKey}: {loaded.Problem}");
            return;
        }
        if (!isObject)
        {
            return;
        }
        var problems = new List<string>();
        try
        {
            loaded.Plugin.Validate(Parameters, instruments, problems);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            errors.Add($"{path}.parameters: {Type}.Validate threw {exception.GetType().Name}: {exception.Message}");
            return;
        }
        foreach (string problem in problems)
        {
            errors.Add($"{path}.parameters.{problem}");
        }
    }

    /// <summary>
    /// The strategy the plugin makes with these parameters (validated first: <see cref="Validate"/>).
    /// A plugin that cannot be loaded, whose <c>Create</c> throws or returns null, is refused as a
    /// configuration problem (<see cref="ConfigException"/>), so the engine and a backtest stop with its message.
    /// </summary>
    public IStrategy Create(int instruments)
    {
        var loaded = StrategyPlugins.Load(Assembly, Type);
        if (loaded.Plugin is not { } plugin)
        {
            throw Refused($"strategy.plugin.{loaded.ProblemKey}: {loaded.Problem}");
        }
        IStrategy? strategy;
        try
        {
            strategy = plugin.Create(Parameters, instruments);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw Refused($"strategy.plugin.type: {Type}.Create threw {exception.GetType().Name}: {exception.Message}");
        }
        return strategy ?? throw Refused($"strategy.plugin.type: {Type}.Create returned no strategy");
    }

    /// <summary>Which plugin runs, for the log: its class, the file it came from, the assembly's name and version. After <see cref="Create"/>.</summary>
    public string Describe()
    {
        var assembly = StrategyPlugins.Load(Assembly, Type).Plugin!.GetType().Assembly;
        return $"{Type} from {assembly.Location} ({assembly.GetName().Name} {assembly.GetName().Version})";
    }

    private static ConfigException Refused(string problem) => new("strategy.plugin", [problem]);
}
