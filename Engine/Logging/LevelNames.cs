using Microsoft.Extensions.Logging;

namespace Engine.Logging;

/// <summary>The names levels are written with, without formatting an enum per line.</summary>
internal static class LevelNames
{
    /// <summary>The level's full name, as in the configuration (<c>Information</c>).</summary>
    public static string Of(LogLevel level) => level switch
    {
        LogLevel.Trace => "Trace",
        LogLevel.Debug => "Debug",
        LogLevel.Information => "Information",
        LogLevel.Warning => "Warning",
        LogLevel.Error => "Error",
        LogLevel.Critical => "Critical",
        _ => "None",
    };

    /// <summary>The level's four-letter name for text lines (<c>INFO</c>).</summary>
    public static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRCE",
        LogLevel.Debug => "DBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "FAIL",
        LogLevel.Critical => "CRIT",
        _ => "NONE",
    };
}
