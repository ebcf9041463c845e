using System.Text;

namespace Nemo.Simulator;

/// <summary>Writes <c>data: &lt;json&gt;</c> events: no <c>event:</c> lines, no done marker; the stream ends when the connection closes.</summary>
internal sealed class SseWriter(HttpResponse response)
{
    public int EventsWritten { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancellationToken);
    }

    public async Task WriteAsync(string data, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(data.Length == 0 ? "data:\n\n" : "data: " + data + "\n\n");
        await response.Body.WriteAsync(bytes, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        EventsWritten++;
    }
}
