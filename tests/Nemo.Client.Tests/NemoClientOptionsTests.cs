using Microsoft.Extensions.Options;

namespace Nemo.Client.Tests;

public sealed class NemoClientOptionsTests
{
    [Fact]
    public void Defaults_are_documented_and_valid()
    {
        var options = new NemoClientOptions();

        Assert.Equal(new Uri("https://mega-api-prod.nemovideo.ai"), options.BaseAddress);
        Assert.Equal("best", options.Profile);
        Assert.Equal("unknown", options.SkillPlatform);
        Assert.Equal(TimeSpan.FromSeconds(30), options.RateLimitMinimumDelay);
        Assert.Null(options.Token);
        NemoClientOptionsValidator.ThrowIfInvalid(options);
    }

    [Theory]
    [InlineData("profile")]
    [InlineData("platform")]
    [InlineData("clientId")]
    [InlineData("rateLimit")]
    [InlineData("baseDelay")]
    [InlineData("timeout")]
    [InlineData("chatStream")]
    [InlineData("baseAddress")]
    [InlineData("token")]
    public void Invalid_settings_are_rejected(string which)
    {
        var options = new NemoClientOptions();
        switch (which)
        {
            case "profile": options.Profile = "fastest"; break;
            case "platform": options.SkillPlatform = "vscode"; break;
            case "clientId": options.ClientId = new string('c', 65); break;
            case "rateLimit": options.RateLimitMinimumDelay = TimeSpan.FromMinutes(10); options.MaxRateLimitDelay = TimeSpan.FromMinutes(1); break;
            case "baseDelay": options.BaseDelay = TimeSpan.FromMinutes(1); options.MaxRetryDelay = TimeSpan.FromSeconds(5); break;
            case "timeout": options.RequestTimeout = TimeSpan.Zero; break;
            case "chatStream": options.ChatStream.KeepAliveTimeout = TimeSpan.Zero; break;
            case "baseAddress": options.BaseAddress = new Uri("ftp://example.com"); break;
            case "token": options.Token = "has space"; break;
        }

        var error = Assert.Throws<OptionsValidationException>(() => NemoClientOptionsValidator.ThrowIfInvalid(options));
        Assert.NotEmpty(error.Failures);
    }

    [Fact]
    public void Validation_failures_never_echo_the_token()
    {
        var options = new NemoClientOptions { Token = "nmv secret" };
        var error = Assert.Throws<OptionsValidationException>(() => NemoClientOptionsValidator.ThrowIfInvalid(options));
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_are_matched_by_name_or_skill_source()
    {
        var options = new NemoClientOptions { Profile = "image-to-video-long-duration" };
        Assert.True(new NemoClientOptionsValidator().Validate(null, options).Succeeded);
    }
}
