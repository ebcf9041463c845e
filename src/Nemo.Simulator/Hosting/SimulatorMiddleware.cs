using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Nemo.Simulator;

/// <summary>Journals every request and applies the fault chosen for it; faults a handler must act on are passed on as a <see cref="FaultFeature"/>.</summary>
internal static class SimulatorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var runtime = SimulatorRuntime.From(context);
        var endpoint = EndpointTag.Of(context);
        var request = context.Request;
        var token = RequestChecks.BearerToken(request);
        var entry = new JournalEntry(runtime.Journal.NextSequence(), runtime.Clock.GetUtcNow(), request.Method, request.Path.Value ?? "/", endpoint)
        {
            SkillSource = Header(request, RequestChecks.SkillSource),
            SkillVersion = Header(request, RequestChecks.SkillVersion),
            SkillPlatform = Header(request, RequestChecks.SkillPlatform),
            ClientId = Header(request, "X-Client-Id"),
            HasAuthorization = request.Headers.Authorization.Count > 0,
            TokenHash = token is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..8],
            SessionId = request.RouteValues["sessionId"] as string,
            RenderId = request.RouteValues["renderId"] as string,
        };
        if (endpoint is SimulatorEndpoint.RunSse or SimulatorEndpoint.RenderStart && RequestJson.IsJson(request))
        {
            var body = await RequestJson.ReadAsync(context);
            entry.SessionId = RequestJson.String(body?["session_id"]) ?? RequestJson.String(body?["sessionId"]);
            entry.RenderId = RequestJson.String(body?["id"]);
        }

        runtime.Journal.Add(entry);
        context.Features.Set(entry);
        context.Response.OnStarting(() =>
        {
            if (!entry.Aborted)
            {
                entry.StatusCode = context.Response.StatusCode;
            }

            return Task.CompletedTask;
        });

        var fault = endpoint == SimulatorEndpoint.Unknown ? null : runtime.Faults.Next(endpoint);
        if (fault is not null)
        {
            entry.Fault = fault.Kind;
            context.Features.Set(new FaultFeature(fault));
            Log.FaultInjected(runtime.Logger, fault.Kind, endpoint);
        }

        try
        {
            if (fault is { Kind: FaultKind.ResponseLost or FaultKind.LateResponse })
            {
                await HoldResponseAsync(context, runtime, fault, next);
            }
            else if (fault is null || !await ApplyAsync(context, runtime, fault, token, entry))
            {
                await next(context);
            }
        }
        finally
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                entry.Aborted = true;
            }
        }
    }

    /// <summary>Applies a fault that replaces the response; false when the request goes on to the handler.</summary>
    private static async Task<bool> ApplyAsync(HttpContext context, SimulatorRuntime runtime, Fault fault, string? token, JournalEntry entry)
    {
        switch (fault.Kind)
        {
            case FaultKind.ServerError:
                await NemoResponses.StatusErrorAsync(context, fault.StatusCode, fault.Message ?? "Internal server error");
                return true;
            case FaultKind.RateLimited:
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(fault.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await NemoResponses.StatusErrorAsync(context, StatusCodes.Status429TooManyRequests, fault.Message ?? "Too many requests",
                    fault.Style == ErrorStyle.Http200Envelope ? ErrorStyle.HttpStatusEnvelope : null);
                return true;
            case FaultKind.ConnectionReset:
                Abort(context);
                return true;
            case FaultKind.Slow:
                await runtime.DelayAsync(fault.Delay, context.RequestAborted);
                return false;
            case FaultKind.TokenExpired:
                if (token is not null)
                {
                    runtime.State.ExpireToken(token);
                }

                await NemoResponses.ErrorAsync(context, NemoCodes.TokenInvalid, fault.Message);
                return true;
            case FaultKind.SessionLost:
                if (entry.SessionId is { } sessionId)
                {
                    runtime.State.LoseSession(sessionId);
                }

                await NemoResponses.ErrorAsync(context, NemoCodes.SessionNotFound, fault.Message);
                return true;
            case FaultKind.OutOfCredits:
                await NemoResponses.ErrorAsync(context, NemoCodes.OutOfCredits, fault.Message);
                return true;
            case FaultKind.UnsupportedType:
                await NemoResponses.ErrorAsync(context, NemoCodes.UnsupportedType, fault.Message ?? "Unsupported file type. Accepted: " + MediaSniffer.AcceptedList);
                return true;
            case FaultKind.TooLarge:
                await NemoResponses.ErrorAsync(context, NemoCodes.TooLarge, fault.Message);
                return true;
            case FaultKind.PaymentRequired:
                await NemoResponses.StatusErrorAsync(context, StatusCodes.Status402PaymentRequired, fault.Message ?? "Payment required: this plan cannot export",
                    fault.Style == ErrorStyle.Http200Envelope ? ErrorStyle.HttpStatusEnvelope : null);
                return true;
            case FaultKind.NemoError:
                await NemoResponses.ErrorAsync(context, fault.NemoCode, fault.Message);
                return true;
            default:
                // DropStream, StreamError, RenderFailed, TruncatedDownload: the handler acts on them.
                return false;
        }
    }

    /// <summary>
    /// Runs the handler against a buffer, so it takes full effect while nothing reaches the client yet; then drops the
    /// response (<see cref="FaultKind.ResponseLost"/>) or sends it late (<see cref="FaultKind.LateResponse"/>).
    /// </summary>
    private static async Task HoldResponseAsync(HttpContext context, SimulatorRuntime runtime, Fault fault, RequestDelegate next)
    {
        var original = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(buffer));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(original);
        }

        if (fault.Kind == FaultKind.ResponseLost)
        {
            Abort(context);
            return;
        }

        await runtime.DelayAsync(fault.Delay, context.RequestAborted);
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>Aborts the connection (a reset for the client), journaled before the client can observe it.</summary>
    public static void Abort(HttpContext context)
    {
        if (context.Features.Get<JournalEntry>() is { } entry)
        {
            entry.Aborted = true;
        }

        context.Abort();
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
