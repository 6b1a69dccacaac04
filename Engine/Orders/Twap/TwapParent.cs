namespace Engine.Orders.Twap;

/// <summary>
/// One TWAP parent as handed to the loop (built off the loop, sized for its slices, posted to a
/// <see cref="Pipeline.Mailbox{T}"/> before <see cref="Pipeline.ControlCommand.StartTwap"/>, so the loop never allocates for it): the executor that runs it and the snapshot it publishes to.
/// </summary>
/// <param name="Executor">Runs the parent; loop thread only once posted.</param>
/// <param name="Snapshot">The parent and its children as of the last publish, for any thread.</param>
public sealed record TwapParent(TwapExecutor Executor, TwapSnapshot Snapshot);
