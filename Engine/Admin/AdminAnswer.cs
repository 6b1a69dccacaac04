using Engine.Risk;

namespace Engine.Admin;

/// <summary>What an admin command answers, ready to serialise: an outcome, the order it is about, and the problems or the reason.</summary>
/// <param name="Outcome"><c>sent</c>, <c>cancel sent</c>, <c>twap started</c>, <c>twap cancelled</c>, <c>twap active</c>, <c>invalid</c>, <c>refused</c>, <c>not found</c> or <c>no answer</c>.</param>
/// <param name="ClientOrderId">The order's client id (a TWAP parent's id), when there is one.</param>
/// <param name="Problems">For <c>invalid</c>: every problem of the request, with its field.</param>
/// <param name="Reason">For <c>refused</c>: the risk check that refused it, and its message.</param>
public sealed record AdminAnswer(string Outcome, string? ClientOrderId = null, IReadOnlyList<string>? Problems = null, string? Reason = null)
{
    /// <summary>The request was carried out.</summary>
    public static AdminAnswer Done(string clientOrderId, string outcome) => new(outcome, clientOrderId);

    /// <summary>The request was malformed; nothing changed.</summary>
    public static AdminAnswer Invalid(IReadOnlyList<string> problems) => new("invalid", Problems: problems);

    /// <summary>The risk checks refused the order or cancel.</summary>
    public static AdminAnswer Refused(string clientOrderId, RiskRejectReason reason) => new("refused", clientOrderId, Reason: $"{reason}: {RiskMessages.Describe(reason)}");

    /// <summary>No open order has that id.</summary>
    public static AdminAnswer NotFound(string clientOrderId) => new("not found", clientOrderId);

    /// <summary>The loop did not answer in time (stopped, or stuck).</summary>
    public static AdminAnswer NoAnswer() => new("no answer");
}
