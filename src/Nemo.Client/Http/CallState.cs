namespace Nemo.Client;

/// <summary>What one logical call learned during its attempts (the token it sent, for 1001 repair).</summary>
internal sealed class CallState
{
    public NemoAccessToken? Token { get; set; }
}
