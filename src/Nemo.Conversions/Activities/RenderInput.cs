namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.StartRender"/>, <see cref="ConversionActivityNames.CheckRender"/> and <see cref="ConversionActivityNames.CancelRender"/>.</summary>
/// <param name="Profile">The profile name.</param>
/// <param name="SessionId">The session (start only renders its latest draft).</param>
/// <param name="RenderId">The render (check and cancel).</param>
public sealed record RenderInput(string Profile, string SessionId, string? RenderId = null);
