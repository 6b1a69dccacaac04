namespace Engine.Logging;

/// <summary>
/// The one untyped caller of each state type's formatter: the caller thread stores the state and its
/// formatter without formatting, and the writer thread calls <see cref="Format"/>. One cached delegate
/// per state type, so a log call allocates no delegate.
/// </summary>
internal static class StateFormatter<TState>
{
    /// <summary>Casts the stored state and formatter back and formats the message.</summary>
    public static readonly Func<object?, Delegate, Exception?, string> Format =
        static (state, formatter, exception) => ((Func<TState, Exception?, string>)formatter)((TState)state!, exception);
}
