using Nemo.Conversions;

namespace Nemo.Cli.Tests.Support;

internal static class TestResults
{
    public static ConversionResult Succeeded(string id = "conv-0123456789abcdef", string name = "beach") => new()
    {
        Id = id,
        Name = name,
        Status = ConversionStatus.Succeeded,
        Profile = "best",
        Prompt = "animate",
        Images = ["beach.jpg"],
        Output = name + ".mp4",
        StartedAt = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        CompletedAt = new DateTime(2025, 1, 1, 0, 3, 0, DateTimeKind.Utc),
    };

    public static ConversionCloudEvent Event(string id = "conv-0123456789abcdef") => new()
    {
        Id = id + "/v1/succeeded",
        Source = "/nemo/test",
        Type = "ai.nemo.conversion.succeeded",
        Subject = "beach.mp4",
        Time = new DateTimeOffset(2025, 1, 1, 0, 3, 0, TimeSpan.Zero),
        Data = Succeeded(id),
    };
}
