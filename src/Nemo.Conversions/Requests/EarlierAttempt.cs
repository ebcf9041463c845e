namespace Nemo.Conversions;

/// <summary>
/// The attempt a retry follows. Nemo charges per generation, so what the earlier attempt paid for is kept: when its
/// session took a prompt, the retry reads that session's draft and renders it (free) instead of prompting again;
/// otherwise nothing was spent there and the retry starts afresh.
/// </summary>
/// <param name="InstanceId">The earlier attempt's instance id.</param>
/// <param name="PromptedSessionId">The Nemo session in which the earlier attempt's prompt went in; null when none did.</param>
public sealed record EarlierAttempt(string InstanceId, string? PromptedSessionId)
{
    /// <summary>The attempt that ended in <paramref name="result"/>.</summary>
    public static EarlierAttempt From(ConversionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new EarlierAttempt(result.Id, result.SessionPrompted ? result.SessionId : null);
    }
}
