namespace Nemo.Conversions;

/// <summary>Input of <see cref="ConversionActivityNames.SaveOutput"/>.</summary>
/// <param name="Profile">The profile name.</param>
/// <param name="RenderId">The completed render.</param>
/// <param name="OutputName">The output file name, e.g. <c>beach.mp4</c> or <c>beach.v2.mp4</c>.</param>
/// <param name="InstanceId">Recorded in the output's metadata.</param>
public sealed record SaveOutputInput(string Profile, string RenderId, string OutputName, string InstanceId);
