namespace Engine.Logging;

/// <summary>Where the log writer puts finished lines: stdout or a rotating file.</summary>
/// <remarks>Only the log writer thread calls it.</remarks>
internal interface ILogOutput : IDisposable
{
    /// <summary>Writes one finished line (UTF-8, ending in a line break).</summary>
    void Write(ReadOnlySpan<byte> line);

    /// <summary>Hands what is buffered to the operating system: called when the writer has caught up.</summary>
    void Flush();
}
