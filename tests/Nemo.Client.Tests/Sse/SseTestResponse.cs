using System.Net;

namespace Nemo.Client.Tests.Sse;

/// <summary>A real <see cref="HttpResponseMessage"/> over a <see cref="ScriptedStream"/> whose content records disposal.</summary>
internal sealed class SseTestResponse
{
    public SseTestResponse(ScriptedStream stream)
    {
        Stream = stream;
        Content = new RecordingContent(stream);
        Content.Headers.ContentType = new("text/event-stream");
        Message = new HttpResponseMessage(HttpStatusCode.OK) { Content = Content };
    }

    public ScriptedStream Stream { get; }

    public RecordingContent Content { get; }

    public HttpResponseMessage Message { get; }

    public bool IsDisposed => Content.IsDisposed;

    internal sealed class RecordingContent(Stream stream) : StreamContent(stream)
    {
        public bool IsDisposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            IsDisposed = true;
            base.Dispose(disposing);
        }
    }
}
