using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using Nemo.Cli.Events;
using Nemo.Cli.Tests.Support;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Events;

public sealed class ConversionCloudEventFormatTests
{
    [Fact]
    public void Structured_mode_has_the_cloud_events_attributes_and_the_result_as_a_json_object()
    {
        var cloudEvent = ConversionEvents.Create(TestResults.Succeeded(), "/nemo/conversions");

        var body = ConversionCloudEventFormat.Formatter.EncodeStructuredModeMessage(
            ConversionCloudEventFormat.ToCloudEvent(cloudEvent), out var contentType);

        Assert.Equal("application/cloudevents+json", contentType.MediaType);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", root.GetProperty("id").GetString());
        Assert.Equal("/nemo/conversions", root.GetProperty("source").GetString());
        Assert.Equal(ConversionEvents.Succeeded, root.GetProperty("type").GetString());
        Assert.Equal("beach", root.GetProperty("subject").GetString());
        Assert.Equal("2025-01-01T00:03:00Z", root.GetProperty("time").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.False(root.TryGetProperty("data_base64", out _));

        // The data is the result as ConversionJson writes it: camelCase, enums as strings, no nulls.
        var data = root.GetProperty("data");
        Assert.Equal(JsonValueKind.Object, data.ValueKind);
        Assert.Equal(
            JsonSerializer.Serialize(cloudEvent.Data, ConversionJson.Compact),
            data.GetRawText());
        Assert.Equal("succeeded", data.GetProperty("status").GetString());
    }

    [Fact]
    public void A_structured_event_decodes_back_to_the_same_attributes_and_result()
    {
        var cloudEvent = ConversionEvents.Create(TestResults.Succeeded() with { Status = ConversionStatus.Failed, Output = null }, "/s");
        var body = ConversionCloudEventFormat.Formatter.EncodeStructuredModeMessage(
            ConversionCloudEventFormat.ToCloudEvent(cloudEvent), out var contentType);

        var back = ConversionCloudEventFormat.Formatter.DecodeStructuredModeMessage(body, contentType, extensionAttributes: null);

        Assert.Equal(cloudEvent.Id, back.Id);
        Assert.Equal(ConversionEvents.Failed, back.Type);
        Assert.Equal(new Uri("/s", UriKind.Relative), back.Source);
        Assert.Equal(cloudEvent.Time, back.Time);
        var result = Assert.IsType<ConversionResult>(back.Data);
        Assert.Equal(ConversionStatus.Failed, result.Status);
        Assert.Equal(cloudEvent.Data.Id, result.Id);
        Assert.Equal(cloudEvent.Data.Images, result.Images);
    }

    [Fact]
    public void Text_with_line_breaks_stays_on_one_line()
    {
        var cloudEvent = TestResults.Event() with { Data = TestResults.Succeeded() with { Prompt = "one\ntwo\r\nthree" } };

        var body = ConversionCloudEventFormat.Formatter.EncodeStructuredModeMessage(
            ConversionCloudEventFormat.ToCloudEvent(cloudEvent), out _);

        Assert.DoesNotContain('\n', Encoding.UTF8.GetString(body.Span));
    }

    public static TheoryData<ConversionCloudEvent> InvalidEvents() => new()
    {
        TestResults.Event() with { Id = "" },
        TestResults.Event() with { Type = "" },
        TestResults.Event() with { Subject = "" },
        TestResults.Event() with { SpecVersion = "0.3" },
        TestResults.Event() with { DataContentType = "not a media type" },
    };

    [Theory]
    [MemberData(nameof(InvalidEvents))]
    public void An_event_that_is_not_valid_cloud_events_is_rejected(ConversionCloudEvent cloudEvent)
    {
        Assert.ThrowsAny<ArgumentException>(() => ConversionCloudEventFormat.ToCloudEvent(cloudEvent));
    }

    [Fact]
    public void The_sdk_event_carries_the_typed_result()
    {
        var cloudEvent = TestResults.Event();

        var sdkEvent = ConversionCloudEventFormat.ToCloudEvent(cloudEvent);

        Assert.Equal(CloudEventsSpecVersion.V1_0, sdkEvent.SpecVersion);
        Assert.Same(cloudEvent.Data, sdkEvent.Data);
        Assert.True(sdkEvent.IsValid);
    }
}
