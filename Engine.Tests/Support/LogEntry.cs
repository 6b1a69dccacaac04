using Microsoft.Extensions.Logging;

namespace Engine.Tests.Support;

/// <summary>One line a <see cref="CapturingLogger"/> received.</summary>
internal sealed record LogEntry(LogLevel Level, string Message, Exception? Exception);
