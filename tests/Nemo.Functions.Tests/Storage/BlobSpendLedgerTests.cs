using Nemo.Functions.Storage;

namespace Nemo.Functions.Tests.Storage;

public sealed class BlobSpendLedgerTests(AzuriteStorage storage) : IClassFixture<AzuriteStorage>
{
    private readonly BlobSpendLedger _ledger = new(storage.Service, storage.Options);

    [Fact]
    public async Task A_key_is_claimed_once_and_later_claims_see_the_holder()
    {
        var first = await _ledger.ClaimAsync("conv-1/prompt/1", "conv-1");
        var again = await _ledger.ClaimAsync("conv-1/prompt/1", "conv-1");
        var other = await _ledger.ClaimAsync("conv-1/prompt/1", "someone else");

        Assert.Equal(new Nemo.Conversions.LedgerClaim("conv-1", IsNew: true), first);
        Assert.Equal(new Nemo.Conversions.LedgerClaim("conv-1", IsNew: false), again);
        Assert.Equal(new Nemo.Conversions.LedgerClaim("conv-1", IsNew: false), other);
    }

    [Fact]
    public async Task Concurrent_claims_from_separate_instances_record_exactly_one_holder()
    {
        // Separate ledger objects stand for separate Functions instances sharing the account.
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            new BlobSpendLedger(storage.Service, storage.Options).ClaimAsync("render-id:r-42", $"holder-{i}")));

        var winner = Assert.Single(claims, c => c.IsNew);
        Assert.All(claims, c => Assert.Equal(winner.Holder, c.Holder));
    }

    [Fact]
    public async Task Keys_with_any_characters_are_kept_apart()
    {
        Assert.True((await _ledger.ClaimAsync("a/b c:ü?*", "one")).IsNew);
        Assert.True((await _ledger.ClaimAsync("a/b c:ü?", "two")).IsNew);
        Assert.Equal("one", (await _ledger.ClaimAsync("a/b c:ü?*", "three")).Holder);
    }

    [Fact]
    public async Task A_cancelled_claim_records_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _ledger.ClaimAsync("cancelled-key", "x", cancelled.Token));

        Assert.True((await _ledger.ClaimAsync("cancelled-key", "y")).IsNew);
    }
}
