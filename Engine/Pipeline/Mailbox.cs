namespace Engine.Pipeline;

/// <summary>
/// One immutable value handed from the control thread to the loop: the control thread posts it, then
/// sends the command that tells the loop to take it. A newer post replaces one not yet taken.
/// </summary>
/// <typeparam name="T">An immutable object built and validated off the loop.</typeparam>
public sealed class Mailbox<T>
    where T : class
{
    private T? _pending;

    /// <summary>Leaves <paramref name="value"/> for the loop. Control thread.</summary>
    public void Post(T value) => Volatile.Write(ref _pending, value);

    /// <summary>Takes what was posted, if anything. Loop thread.</summary>
    public T? Take() => Interlocked.Exchange(ref _pending, null);
}
