namespace Nemo.Simulator;

/// <summary>Streams one prompt's events with keep-alives on the scaled clock, and acts on stream faults (drop, error event).</summary>
internal sealed class PromptStream(HttpContext context, SimulatorRuntime runtime, string sessionId)
{
    private readonly SseWriter _writer = new(context.Response);
    private readonly ChatEventFormatter _formatter = new(runtime.Options.SseShape, runtime.Clock, sessionId);
    private readonly Fault? _fault = FaultFeature.Of(context, FaultKind.DropStream) ?? FaultFeature.Of(context, FaultKind.StreamError);

    public async Task RunAsync(PromptPlan plan, DateTimeOffset readyAt)
    {
        var cancellationToken = context.RequestAborted;
        await _writer.StartAsync(cancellationToken);
        foreach (var agentEvent in plan.Leading)
        {
            if (!await EmitAsync(_formatter.Format(agentEvent), cancellationToken))
            {
                return;
            }
        }

        while (readyAt - runtime.Clock.GetUtcNow() is var remaining && remaining > TimeSpan.Zero)
        {
            await runtime.DelayAsync(remaining < runtime.Options.KeepAliveInterval ? remaining : runtime.Options.KeepAliveInterval, cancellationToken);
            if (runtime.Clock.GetUtcNow() < readyAt && !await EmitAsync(_formatter.KeepAlive, cancellationToken))
            {
                return;
            }
        }

        foreach (var agentEvent in plan.Trailing)
        {
            if (!await EmitAsync(_formatter.Format(agentEvent), cancellationToken))
            {
                return;
            }
        }

        if (_fault is not null)
        {
            // The fault asked for more events than there were: it strikes at the very end instead of a clean close.
            await StrikeAsync(cancellationToken);
        }
    }

    /// <summary>Writes one event unless the stream fault strikes first; false when the stream is over.</summary>
    private async Task<bool> EmitAsync(string data, CancellationToken cancellationToken)
    {
        if (_fault is not null && _writer.EventsWritten >= _fault.AfterEvents)
        {
            await StrikeAsync(cancellationToken);
            return false;
        }

        await _writer.WriteAsync(data, cancellationToken);
        return true;
    }

    private async Task StrikeAsync(CancellationToken cancellationToken)
    {
        if (_fault!.Kind == FaultKind.StreamError)
        {
            await _writer.WriteAsync(_formatter.Format(new AgentError(_fault.Message ?? "Internal server error: the agent failed")), cancellationToken);
            return;
        }

        SimulatorMiddleware.Abort(context);
    }
}
