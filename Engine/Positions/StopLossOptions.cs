namespace Engine.Positions;

/// <summary>The static stop-loss: close a position once its loss reaches a fraction of its entry cost.</summary>
public sealed record StopLossOptions
{
    /// <summary>Loss, in basis points of the entry cost (average entry price x quantity), at which the position is closed; 0 = off.</summary>
    public int LossBps { get; set; }

    /// <summary>Adds every problem with these options to <paramref name="errors"/>.</summary>
    public void Validate(string path, List<string> errors)
    {
        if (LossBps is < 0 or > 10_000)
        {
            errors.Add($"{path}.lossBps: {LossBps} is outside 0..10000");
        }
    }
}
