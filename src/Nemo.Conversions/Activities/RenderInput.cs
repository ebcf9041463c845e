namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.CheckRender"/> and <see cref="ConversionActivityNames.CancelRender"/>.</summary>
/// <param name="Profile">The profile name.</param>
/// <param name="SessionId">The session the render belongs to.</param>
/// <param name="RenderId">The render.</param>
public sealed record RenderInput(string Profile, string SessionId, string RenderId);
