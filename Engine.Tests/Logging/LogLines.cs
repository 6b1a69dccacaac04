using System.Text.Json;

namespace Engine.Tests.Logging;

/// <summary>Reads what a log wrote: every line must be one JSON object.</summary>
internal static class LogLines
{
    /// <summary>The lines of <paramref name="text"/>, each parsed; fails the test on a line that is not JSON.</summary>
    public static List<JsonElement> Parse(string text)
    {
        var lines = new List<JsonElement>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                lines.Add(document.RootElement.Clone());
            }
            catch (JsonException exception)
            {
                Assert.Fail($"not a JSON line ({exception.Message}): {line}");
            }
        }
        return lines;
    }
}
