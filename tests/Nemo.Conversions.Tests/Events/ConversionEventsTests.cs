using System.Globalization;
using System.Text.Json;

namespace Nemo.Conversions.Tests.Events;

public sealed class ConversionEventsTests
{
    private static readonly DateTime Completed = new(2025, 6, 1, 12, 30, 15, 250, DateTimeKind.Utc);

    private static ConversionResult Result(ConversionStatus status, int version = 1) => new()
    {
        Id = "conv-0123456789abcdef",
        Name = "beach",
        Status = status,
        Profile = "best",
        Prompt = "animate",
        Version = version,
        Output = status == ConversionStatus.Succeeded ? "beach.mp4" : null,
        StartedAt = Completed.AddMinutes(-1),
        CompletedAt = Completed,
    };

    [Theory]
    [InlineData(ConversionStatus.Succeeded, "ai.nemo.conversion.succeeded", "succeeded")]
    [InlineData(ConversionStatus.Failed, "ai.nemo.conversion.failed", "failed")]
    [InlineData(ConversionStatus.Cancelled, "ai.nemo.conversion.cancelled", "cancelled")]
    public void Create_Status_SetsTypeAndId(ConversionStatus status, string type, string suffix)
    {
        var cloudEvent = ConversionEvents.Create(Result(status), "/nemo/conversions");

        Assert.Equal(type, cloudEvent.Type);
        Assert.Equal("conv-0123456789abcdef/v1/" + suffix, cloudEvent.Id);
        Assert.Equal("/nemo/conversions", cloudEvent.Source);
        Assert.Equal("beach", cloudEvent.Subject);
        Assert.Equal(new DateTimeOffset(Completed), cloudEvent.Time);
    }

    [Fact]
    public void Create_Iteration_IdCarriesVersion()
    {
        Assert.Equal("conv-0123456789abcdef/v2/succeeded", ConversionEvents.Create(Result(ConversionStatus.Succeeded, 2), "/s").Id);
    }

    [Fact]
    public void Create_SameResultTwice_SameId()
    {
        var result = Result(ConversionStatus.Failed);

        Assert.Equal(ConversionEvents.Create(result, "/s").Id, ConversionEvents.Create(result with { }, "/s").Id);
    }

    [Fact]
    public void Create_UnspecifiedKind_IsTakenAsUtc()
    {
        var result = Result(ConversionStatus.Succeeded) with { CompletedAt = DateTime.SpecifyKind(Completed, DateTimeKind.Unspecified) };

        Assert.Equal(TimeSpan.Zero, ConversionEvents.Create(result, "/s").Time.Offset);
        Assert.Equal(Completed, ConversionEvents.Create(result, "/s").Time.UtcDateTime);
    }

    [Fact]
    public void Serialize_StructuredMode_HasCloudEventsAttributesAndData()
    {
        var json = JsonSerializer.Serialize(ConversionEvents.Create(Result(ConversionStatus.Succeeded), "/nemo/conversions"), ConversionJson.Options);

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("conv-0123456789abcdef/v1/succeeded", root.GetProperty("id").GetString());
        Assert.Equal("/nemo/conversions", root.GetProperty("source").GetString());
        Assert.Equal("ai.nemo.conversion.succeeded", root.GetProperty("type").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("beach", root.GetProperty("subject").GetString());

        var time = root.GetProperty("time").GetString()!;
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$", time);
        Assert.Equal(
            new DateTimeOffset(Completed),
            DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));

        var data = root.GetProperty("data");
        Assert.Equal("succeeded", data.GetProperty("status").GetString());
        Assert.Equal("beach.mp4", data.GetProperty("output").GetString());
        Assert.Equal("conv-0123456789abcdef", data.GetProperty("id").GetString());
    }

    [Fact]
    public void Serialize_RoundTrip_KeepsTheResult()
    {
        var cloudEvent = ConversionEvents.Create(Result(ConversionStatus.Failed), "/s");

        var back = JsonSerializer.Deserialize<ConversionCloudEvent>(JsonSerializer.Serialize(cloudEvent, ConversionJson.Compact), ConversionJson.Options)!;

        Assert.Equal(cloudEvent.Id, back.Id);
        Assert.Equal(ConversionStatus.Failed, back.Data.Status);
        Assert.Equal(cloudEvent.Time, back.Time);
    }

    [Fact]
    public void Create_EmptySource_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConversionEvents.Create(Result(ConversionStatus.Succeeded), ""));
    }
}
