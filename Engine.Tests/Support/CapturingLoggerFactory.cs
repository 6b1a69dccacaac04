using Microsoft.Extensions.Logging;

namespace Engine.Tests.Support;

/// <summary>An <see cref="ILoggerFactory"/> whose every logger is the one <see cref="Logger"/>: for asserting what a host logged.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    /// <summary>Where every category's entries go.</summary>
    public CapturingLogger Logger { get; } = new();

    public ILogger CreateLogger(string categoryName) => Logger;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
