namespace Engine.Config;

/// <summary>The rules every per-instrument list in the config shares: an id in range, one entry per id.</summary>
public static class InstrumentEntryRules
{
    /// <summary>Adds a problem to <paramref name="errors"/> if <paramref name="instrumentId"/> is out of range or already in <paramref name="seen"/>.</summary>
    public static void CheckId(string entryPath, int instrumentId, int maxInstrumentId, HashSet<int> seen, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(seen);
        ArgumentNullException.ThrowIfNull(errors);
        if (instrumentId < 0 || instrumentId > maxInstrumentId)
        {
            errors.Add($"{entryPath}.instrumentId: {instrumentId} is outside 0..{maxInstrumentId}");
        }
        else if (!seen.Add(instrumentId))
        {
            errors.Add($"{entryPath}.instrumentId: {instrumentId} already has an entry; one per instrument");
        }
    }
}
