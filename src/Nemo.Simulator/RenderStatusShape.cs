namespace Nemo.Simulator;

/// <summary>Where the render status response puts the status and the output URL (the four places of the protocol).</summary>
public enum RenderStatusShape
{
    /// <summary><c>{"success":true,"data":{"status":…,"progress":…,"outputUrl":…}}</c>.</summary>
    DataOutputUrl = 0,

    /// <summary><c>{"success":true,"data":{"status":…,"progress":…,"output":{"url":…}}}</c>.</summary>
    DataOutputObject,

    /// <summary><c>{"success":true,"status":…,"progress":…,"outputUrl":…}</c> with no <c>data</c>.</summary>
    TopLevelOutputUrl,

    /// <summary><c>{"success":true,"status":…,"progress":…,"output":{"url":…}}</c> with no <c>data</c>.</summary>
    TopLevelOutputObject,
}
