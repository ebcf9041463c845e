using Nemo.Client;

namespace Nemo.Benchmarks.Pipeline;

/// <summary>
/// The baseline: the skill documents followed literally. Session, upload, prompt, read the state (the documented
/// recovery when there is no draft yet: 30 s, then every 60 s), export, then poll the render every 30 s — the fixed
/// interval the documents suggest — and download.
/// </summary>
internal static class NaiveConversion
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    public static async Task<string> RunAsync(NemoClient client, TimeProvider clock, byte[] image, string prompt, string outputPath, CancellationToken cancellationToken)
    {
        var session = await client.CreateSessionAsync(cancellationToken: cancellationToken);
        using (var content = new MemoryStream(image, writable: false))
        {
            await client.UploadAsync(session.SessionId, [new UploadFile("photo.png", content, "image/png")], cancellationToken);
        }

        await ChatReply.CollectAsync(client.SendPromptAsync(session.SessionId, prompt, cancellationToken), cancellationToken);
        var draft = (await client.GetStateAsync(session.SessionId, cancellationToken)).Draft;
        for (var check = 0; draft is not { IsExportable: true }; check++)
        {
            if (check == 5)
            {
                throw new InvalidOperationException($"Session {session.SessionId} produced no draft.");
            }

            await Task.Delay(check == 0 ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(60), clock, cancellationToken);
            draft = (await client.GetStateAsync(session.SessionId, cancellationToken)).Draft;
        }

        var render = await client.StartRenderAsync(session.SessionId, draft, cancellationToken: cancellationToken);
        RenderStatus status;
        do
        {
            await Task.Delay(PollInterval, clock, cancellationToken);
            status = await client.GetRenderStatusAsync(render.Id, cancellationToken);
        }
        while (!status.IsFinal);

        if (status.State != RenderState.Completed)
        {
            throw new InvalidOperationException($"Render {render.Id} ended {status.State}: {status.Error}");
        }

        await using var output = File.Create(outputPath);
        await client.DownloadRenderAsync(status, output, cancellationToken);
        return session.SessionId;
    }
}
