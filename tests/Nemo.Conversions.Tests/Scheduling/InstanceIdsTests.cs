namespace Nemo.Conversions.Tests.Scheduling;

public sealed class InstanceIdsTests
{
    private const string IdPattern = "^[a-z]+-[0-9a-f]{16}$";

    [Fact]
    public void ForSource_KnownInput_IsStableAcrossRunsAndMachines()
    {
        // Pinned (computed independently): a change here would re-trigger every input already converted.
        Assert.Equal("conv-b19bcce86fad17d9", InstanceIds.ForSource("inbox", "photos/beach.jpg", "0x8DD"));
    }

    [Fact]
    public void AllKinds_AreShortLowerCaseHexWithPrefix()
    {
        Assert.Matches(IdPattern, InstanceIds.ForSource("inbox", "a.jpg", "etag"));
        Assert.Matches(IdPattern, InstanceIds.ForIdempotencyKey("Key-ABC"));
        Assert.Matches(IdPattern, InstanceIds.ForBatch("inbox", "job1", "hash"));
        Assert.Matches(IdPattern, InstanceIds.ForItem("batch-0123456789abcdef", 3));
        Assert.Matches(IdPattern, InstanceIds.ForIteration("beach", 2));
        Assert.StartsWith("conv-", InstanceIds.ForSource("inbox", "a.jpg", "etag"), StringComparison.Ordinal);
        Assert.StartsWith("batch-", InstanceIds.ForBatch("inbox", "job1", "hash"), StringComparison.Ordinal);
        Assert.StartsWith("iter-", InstanceIds.ForIteration("beach", 2), StringComparison.Ordinal);
    }

    [Fact]
    public void ForSource_DifferentVersionTag_Differs()
    {
        Assert.NotEqual(InstanceIds.ForSource("inbox", "a.jpg", "v1"), InstanceIds.ForSource("inbox", "a.jpg", "v2"));
    }

    [Fact]
    public void ForSource_PartsDoNotRunTogether()
    {
        Assert.NotEqual(InstanceIds.ForSource("ab", "c", "x"), InstanceIds.ForSource("a", "bc", "x"));
        Assert.NotEqual(InstanceIds.ForSource("a", "b|c", "x"), InstanceIds.ForSource("a|b", "c", "x"));
    }

    [Fact]
    public void DifferentKinds_SameText_Differ()
    {
        Assert.NotEqual(InstanceIds.ForIdempotencyKey("x"), InstanceIds.ForSource("", "x", "x"));
        Assert.NotEqual(InstanceIds.ForItem("b", 0), InstanceIds.ForItem("b", 1));
        Assert.NotEqual(InstanceIds.ForItem("b1", 0), InstanceIds.ForItem("b2", 0));
        Assert.NotEqual(InstanceIds.ForIteration("beach", 2), InstanceIds.ForIteration("beach", 3));
        Assert.NotEqual(InstanceIds.ForBatch("inbox", "job", "h1"), InstanceIds.ForBatch("inbox", "job", "h2"));
    }

    [Fact]
    public void ForIdempotencyKey_IsCaseSensitive()
    {
        Assert.NotEqual(InstanceIds.ForIdempotencyKey("abc"), InstanceIds.ForIdempotencyKey("ABC"));
    }

    [Fact]
    public void ForContent_SamePartsSameId_DifferentPartsDifferentId()
    {
        Assert.Equal(InstanceIds.ForContent(["h1", "p"]), InstanceIds.ForContent(["h1", "p"]));
        Assert.NotEqual(InstanceIds.ForContent(["h1", "p"]), InstanceIds.ForContent(["h2", "p"]));
    }

    [Fact]
    public void Guards_RejectEmptyAndNegative()
    {
        Assert.Throws<ArgumentException>(() => InstanceIds.ForIdempotencyKey(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstanceIds.ForItem("b", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstanceIds.ForIteration("b", 0));
    }
}
