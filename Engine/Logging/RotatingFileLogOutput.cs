namespace Engine.Logging;

/// <summary>
/// Appends lines to a file and rotates it by size: before a line would take the file past
/// <c>maxBytes</c>, <c>engine.log.N-1</c> moves to <c>engine.log.N</c> (the old <c>.N</c> is deleted),
/// …, <c>engine.log</c> to <c>engine.log.1</c>, and a new <c>engine.log</c> starts.
/// </summary>
/// <remarks>Only the log writer thread calls it. A line longer than <c>maxBytes</c> still goes whole into a file of its own.</remarks>
internal sealed class RotatingFileLogOutput : ILogOutput
{
    private readonly string _path;
    private readonly long _maxBytes;
    private readonly int _maxFiles;
    private FileStream _stream;

    /// <summary>Opens (or creates, with its folder) <paramref name="options"/>' file for appending.</summary>
    public RotatingFileLogOutput(LogFileOptions options)
    {
        _path = Path.GetFullPath(options.Path);
        _maxBytes = options.MaxBytes;
        _maxFiles = options.MaxFiles;
        if (Path.GetDirectoryName(_path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        _stream = Open(_path);
    }

    /// <inheritdoc />
    public void Write(ReadOnlySpan<byte> line)
    {
        if (_stream.Length > 0 && _stream.Length + line.Length > _maxBytes)
        {
            Rotate();
        }
        _stream.Write(line);
    }

    /// <inheritdoc />
    public void Flush() => _stream.Flush();

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private void Rotate()
    {
        _stream.Dispose();
        try
        {
            File.Delete(Numbered(_maxFiles));
            for (int i = _maxFiles - 1; i >= 1; i--)
            {
                if (File.Exists(Numbered(i)))
                {
                    File.Move(Numbered(i), Numbered(i + 1));
                }
            }
            File.Move(_path, Numbered(1));
        }
        finally
        {
            // Even when a move failed (the writer counts the failure), logging goes on into the live file.
            _stream = Open(_path);
        }
    }

    private string Numbered(int index) => $"{_path}.{index}";

    private static FileStream Open(string path) =>
        new(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
}
