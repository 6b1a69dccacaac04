using System.Text;
using System.Text.Json;

namespace Engine.Replay;

/// <summary>The one-line JSON summary every replay prints last.</summary>
public static class ReplayJson
{
    /// <summary>A JSON object whose members <paramref name="body"/> writes, as one line of text.</summary>
    public static string Object(Action<Utf8JsonWriter> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
