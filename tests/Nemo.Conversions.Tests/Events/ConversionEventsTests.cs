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
    public void Create_EmptySource_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConversionEvents.Create(Result(ConversionStatus.Succeeded), ""));
    }
}
