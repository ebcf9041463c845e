using System.Text.Json.Serialization;

namespace Nemo.Conversions;

/// <summary>The stages of a conversion, in order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversionStage>))]
public enum ConversionStage
{
    /// <summary>Checking inputs before any credit is spent.</summary>
    [JsonStringEnumMemberName("validate")] Validate,

    /// <summary>Creating the Nemo session.</summary>
    [JsonStringEnumMemberName("session")] Session,

    /// <summary>Uploading the images.</summary>
    [JsonStringEnumMemberName("upload")] Upload,

    /// <summary>Sending the prompt and reading the agent's reply over SSE.</summary>
    [JsonStringEnumMemberName("prompt")] Prompt,

    /// <summary>Reading the draft from the session state.</summary>
    [JsonStringEnumMemberName("draft")] Draft,

    /// <summary>Starting the render (export).</summary>
    [JsonStringEnumMemberName("render")] Render,

    /// <summary>Waiting for the render to finish.</summary>
    [JsonStringEnumMemberName("wait")] Wait,

    /// <summary>Downloading the MP4 into the output area.</summary>
    [JsonStringEnumMemberName("save")] Save,

    /// <summary>Writing the result file and publishing the event.</summary>
    [JsonStringEnumMemberName("result")] Result,
}
