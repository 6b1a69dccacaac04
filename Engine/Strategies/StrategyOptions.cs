namespace Engine.Strategies;

/// <summary>The <c>strategy</c> section: which strategy runs and its parameters. Reloaded on SIGHUP (the parameters, not the choice).</summary>
public sealed record StrategyOptions
{
    /// <summary>The strategy to run.</summary>
    public StrategyKind Name { get; set; } = StrategyKind.None;

    /// <summary>Adds every problem with these options to <paramref name="errors"/>; <paramref name="instruments"/> is the number of books.</summary>
    public void Validate(string path, List<string> errors, int instruments)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Enum.IsDefined(Name))
        {
            errors.Add($"{path}.name: {Name} is not one of {string.Join(", ", Enum.GetNames<StrategyKind>())}");
        }
        _ = instruments;
    }
}
