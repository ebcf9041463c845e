namespace Nemo.Client;

/// <summary>What the error mapper needs to know about the call that failed.</summary>
/// <param name="Operation">The endpoint, e.g. <c>POST /api/upload-video/nemo_agent/me/{session}</c>.</param>
/// <param name="Profile">The profile whose limits apply (4001, 4002).</param>
/// <param name="Token">The token the call used, when any: tells whether the caller is anonymous and its user id.</param>
/// <param name="IsAnonymousTokenCall">Whether the call was <c>POST /api/auth/anonymous-token</c>.</param>
internal sealed record NemoErrorContext(
    string Operation,
    NemoProfile Profile,
    NemoAccessToken? Token = null,
    bool IsAnonymousTokenCall = false);
