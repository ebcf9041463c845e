using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Nemo.Conversions;

/// <summary>
/// Deterministic orchestration instance ids: the same input always maps to the same id, on every machine and in every
/// run, so a trigger that fires twice (or a client that posts twice) starts one conversion. Ids are short and use only
/// <c>[a-z0-9-]</c>: a kind prefix and 16 lower-case hex digits of a SHA-256 over the parts.
/// </summary>
public static class InstanceIds
{
    private const int HexLength = 16;

    /// <summary>A conversion of one input: <paramref name="area"/> (container or folder), <paramref name="key"/> (blob name or relative path) and <paramref name="versionTag"/> (ETag or content hash).</summary>
    public static string ForSource(string area, string key, string versionTag)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(versionTag);
        return Hash("conv", "source", area, key, versionTag);
    }

    /// <summary>A conversion requested over HTTP with an <c>Idempotency-Key</c>.</summary>
    public static string ForIdempotencyKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Hash("conv", "idempotency", key);
    }

    /// <summary>Attempt <paramref name="attempt"/> (2, 3…) of the conversion whose first attempt is <paramref name="firstAttemptId"/>; the first attempt is that id itself.</summary>
    public static string ForAttempt(string firstAttemptId, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(firstAttemptId);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        return attempt == 1 ? firstAttemptId : string.Create(CultureInfo.InvariantCulture, $"{firstAttemptId}.{attempt}");
    }

    /// <summary>A batch: the job folder in <paramref name="area"/> and the hash of its manifest.</summary>
    public static string ForBatch(string area, string jobFolder, string manifestHash)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentException.ThrowIfNullOrEmpty(jobFolder);
        ArgumentException.ThrowIfNullOrEmpty(manifestHash);
        return Hash("batch", "batch", area, jobFolder, manifestHash);
    }

    /// <summary>The conversion for item <paramref name="index"/> (0-based, manifest order) of a batch.</summary>
    public static string ForItem(string batchInstanceId, int index)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchInstanceId);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return Hash("conv", "item", batchInstanceId, index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Iteration <paramref name="version"/> (2, 3…) of the conversion named <paramref name="name"/>.</summary>
    public static string ForIteration(string name, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return Hash("iter", "iteration", name, version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>A conversion identified by its content (staged image hashes, prompt, profile, options, name), for API posts without a key.</summary>
    internal static string ForContent(IEnumerable<string> parts) => Hash("conv", "content", [.. parts]);

    /// <summary>
    /// What an API request asked for (its images, prompt, profile, options and name), to tell a repeat of a request from
    /// another request under the same <c>Idempotency-Key</c>.
    /// </summary>
    internal static string ForRequest(IEnumerable<string> parts) => Hash("req", "request", [.. parts]);

    /// <summary>The lower-case hex SHA-256 of a stream's remaining content.</summary>
    internal static string HashHex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static string Hash(string prefix, string kind, params string[] parts)
    {
        // A length prefix per part keeps ("ab","c") and ("a","bc") apart; the kind keeps the methods apart.
        var builder = new StringBuilder(kind);
        foreach (var part in parts)
        {
            builder.Append('|').Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
        return prefix + "-" + Convert.ToHexStringLower(hash)[..HexLength];
    }
}
