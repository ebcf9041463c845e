using System.ComponentModel.DataAnnotations;

namespace Nemo.Client.Tests.Sse;

public sealed class ChatStreamOptionsTests
{
    [Fact]
    public void Defaults_are_ten_and_fifteen_minutes()
    {
        var options = new ChatStreamOptions();

        Assert.Equal(TimeSpan.FromMinutes(10), options.KeepAliveTimeout);
        Assert.Equal(TimeSpan.FromMinutes(15), options.OverallTimeout);
        options.Validate();
        Assert.True(IsValidByAnnotations(options));
    }

    public static TheoryData<TimeSpan> OutOfRange() => new()
    {
        TimeSpan.Zero,
        TimeSpan.FromSeconds(-1),
        TimeSpan.FromDays(1) + TimeSpan.FromMilliseconds(1),
        Timeout.InfiniteTimeSpan,
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void A_keep_alive_limit_out_of_range_is_rejected(TimeSpan value)
    {
        var options = new ChatStreamOptions { KeepAliveTimeout = value };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(nameof(ChatStreamOptions.KeepAliveTimeout), ex.ParamName);
        Assert.False(IsValidByAnnotations(options));
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_overall_limit_out_of_range_is_rejected(TimeSpan value)
    {
        var options = new ChatStreamOptions { OverallTimeout = value };

        var ex = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(nameof(ChatStreamOptions.OverallTimeout), ex.ParamName);
        Assert.False(IsValidByAnnotations(options));
    }

    [Fact]
    public void The_bounds_themselves_are_accepted()
    {
        var options = new ChatStreamOptions { KeepAliveTimeout = ChatStreamOptions.MinimumTimeout, OverallTimeout = ChatStreamOptions.MaximumTimeout };

        options.Validate();
        Assert.True(IsValidByAnnotations(options));
    }

    private static bool IsValidByAnnotations(ChatStreamOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), validationResults: null, validateAllProperties: true);
}
