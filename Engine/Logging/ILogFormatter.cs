using System.Buffers;
using Feeds.Transport;

namespace Engine.Logging;

/// <summary>Turns one event into one finished line (UTF-8, ending in <c>\n</c>).</summary>
/// <remarks>Only the log writer thread calls it; implementations keep their buffers between lines.</remarks>
internal interface ILogFormatter
{
    /// <summary>Writes <paramref name="record"/> into <paramref name="line"/>, redacting property values with <paramref name="redactor"/>.</summary>
    void Format(in LogRecord record, SecretRedactor redactor, ArrayBufferWriter<byte> line);
}
