using System.Security.Cryptography;
using System.Text;

namespace Nemo.Cli.Serving;

/// <summary>
/// The optional API key of <c>nemo serve</c>, checked the way the Functions host checks function keys: the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter, compared in constant time. Health stays open.
/// </summary>
internal sealed class ApiKeyCheck(string? apiKey)
{
    /// <summary>The header the Functions host reads a function key from.</summary>
    public const string HeaderName = "x-functions-key";

    private readonly byte[]? _expected = string.IsNullOrEmpty(apiKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    public bool Enabled => _expected is not null;

    public bool IsAllowed(HttpRequest request)
    {
        if (_expected is null || request.Path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query["code"];
        }

        // Hashing both sides first makes the comparison independent of the presented key's length.
        return !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
    }
}
