using System.Net;

namespace Nemo.Client;

/// <summary>Nemo refused a render because its id was already used; the client retries with a fresh id.</summary>
internal sealed class DuplicateRenderIdException(HttpStatusCode? statusCode, string operation)
    : NemoApiException("Nemo reported the render id as a duplicate.", NemoErrorKind.Transient, statusCode)
{
    public string FailedOperation { get; } = operation;
}
