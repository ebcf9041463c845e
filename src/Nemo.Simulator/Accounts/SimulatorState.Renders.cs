using System.Text.Json.Nodes;

namespace Nemo.Simulator;

internal sealed partial class SimulatorState
{
    /// <summary>Registers a render; null when the id is taken (by anyone: ids are global).</summary>
    public RenderRecord? TryStartRender(UserAccount user, string id, string sessionId, JsonObject draft, string outputPath)
    {
        lock (_lock)
        {
            if (_renders.ContainsKey(id))
            {
                return null;
            }

            var min = _options.RenderDurationMin;
            var max = _options.RenderDurationMax;
            var duration = max <= min ? min : min + TimeSpan.FromTicks((long)(_random.NextDouble() * (max - min).Ticks));
            var render = new RenderRecord(id, user, sessionId, draft, Now, duration, outputPath);
            _renders.Add(id, render);
            return render;
        }
    }

    /// <summary>The caller's render; null when unknown or someone else's.</summary>
    public RenderRecord? FindRender(UserAccount? user, string id)
    {
        lock (_lock)
        {
            return _renders.TryGetValue(id, out var render) && (user is null || render.User == user) ? render : null;
        }
    }

    public RenderSnapshot StatusOf(RenderRecord render)
    {
        lock (_lock)
        {
            return render.StatusAt(Now);
        }
    }

    /// <summary>The status a poll reports, counted for <see cref="RenderReport"/>.</summary>
    public RenderSnapshot ReportStatus(RenderRecord render)
    {
        lock (_lock)
        {
            var status = render.StatusAt(Now);
            render.StatusCalls++;
            if (status.Phase is RenderPhase.Completed or RenderPhase.Failed && render.FirstReportedFinalAt is null)
            {
                render.FirstReportedFinalAt = Now;
            }

            return status;
        }
    }

    /// <summary>Records that a render's MP4 exists.</summary>
    public void OutputReady(RenderRecord render)
    {
        lock (_lock)
        {
            render.OutputReadyAt = Now;
        }
    }

    /// <summary>Every render so far, in start order.</summary>
    public IReadOnlyList<SimulatedRender> RenderReport()
    {
        lock (_lock)
        {
            return _renders.Values
                .OrderBy(render => render.CreatedAt)
                .Select(render => new SimulatedRender(
                    render.Id,
                    render.SessionId,
                    render.CreatedAt,
                    render.FinalAt,
                    render.FirstReportedFinalAt,
                    render.StatusCalls,
                    render.CancelledAt is not null,
                    render.Draft.ToJsonString()))
                .ToList();
        }
    }

    /// <summary>Makes a render fail now (a fault on the status endpoint).</summary>
    public void FailNow(RenderRecord render, string? message)
    {
        lock (_lock)
        {
            if (render.StatusAt(Now).Phase is RenderPhase.Pending or RenderPhase.Processing)
            {
                render.FailAfter = Now - render.CreatedAt;
                render.FailMessage = message;
            }
        }
    }

    /// <summary>Cancels a running render; returns its status afterwards, or null when it had already finished.</summary>
    public RenderSnapshot? Cancel(RenderRecord render)
    {
        lock (_lock)
        {
            var status = render.StatusAt(Now);
            if (status.Phase is RenderPhase.Completed or RenderPhase.Failed)
            {
                return null;
            }

            render.CancelledAt = new RenderSnapshot(RenderPhase.Failed, status.Progress, "Render was cancelled");
            return render.CancelledAt;
        }
    }
}
