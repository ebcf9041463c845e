using Nemo.Cli.Storage;
using Nemo.Cli.Tests.Support;

namespace Nemo.Cli.Tests.Storage;

public sealed class FileSpendLedgerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_key_is_reserved_once_even_across_instances()
    {
        var ledger = new FileSpendLedger(_temp.Combine("ledger"));

        Assert.True(await ledger.TryReserveAsync("conv-1/prompt/1"));
        Assert.False(await ledger.TryReserveAsync("conv-1/prompt/1"));
        Assert.False(await new FileSpendLedger(_temp.Combine("ledger")).TryReserveAsync("conv-1/prompt/1"));
        Assert.True(await ledger.TryReserveAsync("conv-1/render/1"));
    }

    [Fact]
    public async Task Concurrent_reservations_of_one_key_let_exactly_one_through()
    {
        var ledger = new FileSpendLedger(_temp.Combine("ledger"));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => ledger.TryReserveAsync("k/with:odd\\chars"))));

        Assert.Single(results, r => r);
    }
}
