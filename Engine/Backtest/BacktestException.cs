namespace Engine.Backtest;

/// <summary>A backtest that cannot run: unreadable or unusable data, instruments that do not fit the configuration. The message says what and where.</summary>
public sealed class BacktestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BacktestException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public BacktestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public BacktestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
