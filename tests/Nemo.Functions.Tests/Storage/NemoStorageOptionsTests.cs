using Microsoft.Extensions.Configuration;
using Nemo.Functions.Storage;

namespace Nemo.Functions.Tests.Storage;

public sealed class NemoStorageOptionsTests
{
    private static readonly NemoStorageOptionsValidator Validator = new();

    [Fact]
    public void Valid_options_pass()
    {
        var options = new NemoStorageOptions { ConnectionString = "UseDevelopmentStorage=true", InputContainer = "images-in" };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void An_account_is_required_and_only_one_way_to_reach_it()
    {
        var none = new NemoStorageOptions { InputContainer = "images-in" };
        var both = new NemoStorageOptions { InputContainer = "images-in", ConnectionString = "UseDevelopmentStorage=true", BlobServiceUri = new Uri("https://a.blob.core.windows.net") };

        Assert.Contains("No storage account", Validator.Validate(null, none).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("not both", Validator.Validate(null, both).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("images-in", "images-in", "nemo-state")]
    [InlineData("images-in", "videos-out", "images-in")]
    [InlineData("images-in", "shared", "shared")]
    public void Containers_must_differ(string input, string output, string state)
    {
        var options = new NemoStorageOptions { ConnectionString = "UseDevelopmentStorage=true", InputContainer = input, OutputContainer = output, StateContainer = state };

        Assert.True(Validator.Validate(null, options).Failed);
    }

    [Theory]
    [InlineData("ab", false)]
    [InlineData("Images", false)]
    [InlineData("images--in", false)]
    [InlineData("-images", false)]
    [InlineData("images_in", false)]
    [InlineData("images-in", true)]
    [InlineData("v1", false)]
    [InlineData("abc", true)]
    public void Container_names_follow_the_service_rules(string name, bool valid) =>
        Assert.Equal(valid, NemoStorageOptionsValidator.IsValidContainerName(name));

    [Fact]
    public void The_host_storage_connection_string_is_the_default_account()
    {
        var options = new NemoStorageOptions { InputContainer = "images-in" };

        StorageServiceCollectionExtensions.UseHostConnection(options, Section(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Null(options.BlobServiceUri);
    }

    [Fact]
    public void The_identity_based_host_connection_gives_endpoint_and_client_id()
    {
        var options = new NemoStorageOptions { InputContainer = "images-in" };

        StorageServiceCollectionExtensions.UseHostConnection(options, Section(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "11111111-2222-3333-4444-555555555555",
        }));

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net"), options.BlobServiceUri);
        Assert.Equal("11111111-2222-3333-4444-555555555555", options.ManagedIdentityClientId);
    }

    [Fact]
    public void Explicit_settings_win_over_the_host_connection()
    {
        var options = new NemoStorageOptions { InputContainer = "images-in", BlobServiceUri = new Uri("https://mine.blob.core.windows.net"), ManagedIdentityClientId = "mine" };

        StorageServiceCollectionExtensions.UseHostConnection(options, Section(new()
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:clientId"] = "host",
        }));

        Assert.Null(options.ConnectionString);
        Assert.Equal(new Uri("https://mine.blob.core.windows.net"), options.BlobServiceUri);
        Assert.Equal("mine", options.ManagedIdentityClientId);
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(NemoStorageOptions.HostConnectionName);
}
