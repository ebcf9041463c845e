namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.StartRender"/>.</summary>
/// <param name="InstanceId">The orchestration instance: with <paramref name="Sequence"/> it owns the render id in the spend ledger.</param>
/// <param name="Profile">The profile name.</param>
/// <param name="SessionId">The session (its latest draft is rendered).</param>
/// <param name="Sequence">1 for the instance's first render, 2 for the retry after a failed render, and so on.</param>
/// <param name="RequestedAt">The orchestration's time when it asked for the render: the render ids tried are <c>render_&lt;unix-ms&gt;</c> from here on.</param>
/// <param name="Options">The user's options the draft is held to before export, or null.</param>
public sealed record StartRenderInput(string InstanceId, string Profile, string SessionId, int Sequence, DateTime RequestedAt, ConversionOptions? Options = null);
