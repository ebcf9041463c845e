namespace Nemo.Conversions;

/// <summary>Names of the external events the orchestrations wait for.</summary>
public static class OrchestrationEvents
{
    /// <summary>Raised to cancel a conversion; payload: a <see cref="CancelRequest"/>.</summary>
    public const string Cancel = "cancel";
}

/// <summary>The payload of <see cref="OrchestrationEvents.Cancel"/>.</summary>
/// <param name="Reason">Why, in the requester's words.</param>
public sealed record CancelRequest(string? Reason = null);
