namespace Nemo.Simulator;

/// <summary>How an error reaches the client; the protocol documents all three.</summary>
public enum ErrorStyle
{
    /// <summary>HTTP 200 with an error envelope (<c>code != 0</c>, or <c>success:false</c> on render endpoints).</summary>
    Http200Envelope = 0,

    /// <summary>An HTTP 4xx/5xx status with the same envelope.</summary>
    HttpStatusEnvelope,

    /// <summary>An HTTP 4xx/5xx status with a plain-text or HTML body that is not JSON.</summary>
    NonJsonBody,
}
