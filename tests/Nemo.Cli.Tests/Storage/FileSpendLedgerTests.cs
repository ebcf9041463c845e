using Nemo.Cli.Storage;
using Nemo.Cli.Tests.Support;
using Nemo.Conversions;

namespace Nemo.Cli.Tests.Storage;

public sealed class FileSpendLedgerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_key_is_claimed_once_even_across_instances_and_the_holder_is_read_back()
    {
        var ledger = new FileSpendLedger(_temp.Combine("ledger"));

        Assert.Equal(new LedgerClaim("conv-1", IsNew: true), await ledger.ClaimAsync("conv-1/prompt/1", "conv-1"));
        Assert.Equal(new LedgerClaim("conv-1", IsNew: false), await ledger.ClaimAsync("conv-1/prompt/1", "conv-2"));
        Assert.Equal(new LedgerClaim("conv-1", IsNew: false), await new FileSpendLedger(_temp.Combine("ledger")).ClaimAsync("conv-1/prompt/1", "conv-1"));
        Assert.True((await ledger.ClaimAsync("render-id:render_1", "conv-1/render/1")).IsNew);
    }

    [Fact]
    public async Task Concurrent_claims_of_one_key_let_exactly_one_through_and_all_agree_on_the_holder()
    {
        var ledger = new FileSpendLedger(_temp.Combine("ledger"));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => ledger.ClaimAsync("k/with:odd\\chars", $"holder-{i}"))));

        var winner = Assert.Single(results, r => r.IsNew);
        Assert.All(results, r => Assert.Equal(winner.Holder, r.Holder));
    }

    [Fact]
    public async Task A_claim_torn_by_a_crash_is_held_by_nobody_provable()
    {
        var directory = _temp.Combine("ledger");
        var ledger = new FileSpendLedger(directory);
        await ledger.ClaimAsync("render-id:render_2", "conv-1/render/1");
        var file = Assert.Single(Directory.GetFiles(directory));
        await File.WriteAllTextAsync(file, "conv-1/ren");

        var claim = await ledger.ClaimAsync("render-id:render_2", "conv-1/render/1");

        Assert.Equal(new LedgerClaim(string.Empty, IsNew: false), claim);
    }
}
