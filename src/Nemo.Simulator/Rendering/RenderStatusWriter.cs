using System.Text.Json.Nodes;

namespace Nemo.Simulator;

/// <summary>Builds the render status body in the configured shape (status and URL in <c>data</c> or at the top, URL flat or in <c>output</c>).</summary>
internal static class RenderStatusWriter
{
    public static JsonObject Build(RenderStatusShape shape, string id, RenderSnapshot status, string? outputUrl, long? size)
    {
        var fields = new JsonObject { ["id"] = id, ["status"] = status.Status, ["progress"] = status.Progress };
        if (status.Error is not null)
        {
            fields["error"] = status.Error;
        }

        if (outputUrl is not null)
        {
            if (shape is RenderStatusShape.DataOutputUrl or RenderStatusShape.TopLevelOutputUrl)
            {
                fields["outputUrl"] = outputUrl;
            }
            else
            {
                fields["output"] = new JsonObject { ["url"] = outputUrl, ["format"] = "mp4", ["size"] = size };
            }
        }

        return shape is RenderStatusShape.DataOutputUrl or RenderStatusShape.DataOutputObject
            ? new JsonObject { ["data"] = fields }
            : fields;
    }
}
