namespace Engine.Logging;

/// <summary>How a log line is written (<c>logging.format</c>).</summary>
public enum LogFormat
{
    /// <summary>One JSON object per line: for log shippers (journald, Loki, Vector).</summary>
    Json = 0,

    /// <summary>One human-readable line per event (the exception, if any, on the lines after it): for a terminal.</summary>
    Text = 1,
}
