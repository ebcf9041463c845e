using System.Net;

namespace Nemo.Client;

/// <summary>
/// Nemo refused a render because its id is already in use. When the client chooses the id it retries at once with a
/// fresh one; when the caller chose it (<see cref="NemoClient.StartRenderAsync"/> with a render id) the caller picks
/// another. Not retried by the client's transient-failure policy: the same id would only be refused again.
/// </summary>
public sealed class DuplicateRenderIdException : NemoApiException
{
    internal DuplicateRenderIdException(HttpStatusCode? statusCode, string operation)
        : base("Nemo reported the render id as a duplicate.", NemoErrorKind.Recoverable, statusCode)
    {
        Operation = operation;
    }
}
