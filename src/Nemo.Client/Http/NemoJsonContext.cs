using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Nemo.Client;

/// <summary>Source-generated JSON metadata for every body the client writes or reads (snake_case).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(UrlUploadRequest))]
[JsonSerializable(typeof(RunSseRequest))]
[JsonSerializable(typeof(AnonymousTokenData))]
[JsonSerializable(typeof(SessionData))]
[JsonSerializable(typeof(UploadData))]
[JsonSerializable(typeof(CreditsData))]
[JsonSerializable(typeof(PersistedToken))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class NemoJsonContext : JsonSerializerContext;
