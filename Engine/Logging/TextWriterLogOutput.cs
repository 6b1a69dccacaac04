using System.Text;

namespace Engine.Logging;

/// <summary>Writes lines to a <see cref="TextWriter"/> (stdout, or a test's writer). Does not own it: disposing only flushes.</summary>
internal sealed class TextWriterLogOutput : ILogOutput
{
    private readonly TextWriter _writer;
    private char[] _chars = new char[1024];

    /// <summary>An output to <paramref name="writer"/>.</summary>
    public TextWriterLogOutput(TextWriter writer) => _writer = writer;

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> line)
    {
        int needed = Encoding.UTF8.GetMaxCharCount(line.Length);
        if (needed > _chars.Length)
        {
            _chars = new char[int.Max(needed, _chars.Length * 2)];
        }
        int count = Encoding.UTF8.GetChars(line, _chars);
        _writer.Write(_chars, 0, count);
    }

    /// <inheritdoc />
    public void Flush() => _writer.Flush();

    /// <inheritdoc />
    public void Dispose() => _writer.Flush();
}
