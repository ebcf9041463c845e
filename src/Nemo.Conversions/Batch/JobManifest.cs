using System.Globalization;
using System.Text.Json;
using Nemo.Client;

namespace Nemo.Conversions;

/// <summary>
/// Reads a job folder's <c>job.json</c>:
/// <c>{"concurrency"?:4,"defaults"?:{"profile","prompt","options"},"items":[{"name"?,"images":["a.jpg",…],"prompt"?,"profile"?,"options"?}]}</c>.
/// Defaults are merged into each item (options field by field), image paths are resolved against the job folder, item
/// names default to the first image's name and become <c>&lt;job&gt;/&lt;item&gt;</c>.
/// </summary>
public static class JobManifest
{
    /// <summary>The manifest's file name in a job folder.</summary>
    public const string FileName = "job.json";

    /// <summary>The fewest and most conversions a batch runs at once; values outside are clamped.</summary>
    public const int MinConcurrency = 1, MaxConcurrency = 16;

    /// <summary>The concurrency when the manifest does not say.</summary>
    public const int DefaultConcurrency = 4;

    /// <summary>
    /// The most items a job takes unless the host is configured otherwise (<c>BlobTrigger:MaxItemsPerJob</c> in the
    /// Functions app, <c>--max-items</c> for <c>nemo watch</c>): every item may spend credits, so a runaway manifest is
    /// refused before anything starts.
    /// </summary>
    public const int DefaultMaxItems = 100;

    /// <summary>
    /// Parses and checks <paramref name="json"/>: the batch, or a terminal <see cref="ConversionStage.Validate"/> failure
    /// whose problems say where (<c>items[2].images: …</c>).
    /// </summary>
    /// <param name="json">The manifest's text.</param>
    /// <param name="jobFolderKey">The job folder's key in the media store; image paths are relative to it.</param>
    /// <param name="jobName">The job's name: the batch name and the first segment of every item's output name.</param>
    /// <param name="maxItems">The most items the job may have.</param>
    public static StepResult<BatchRequest> Parse(string json, string jobFolderKey, string jobName, int maxItems = DefaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(jobFolderKey);
        ArgumentNullException.ThrowIfNull(jobName);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        var reader = new ManifestReader(jobFolderKey.Trim('/'), jobName, maxItems);
        var batch = reader.Read(json);
        return reader.Problems.Count == 0 && batch is not null
            ? StepResults.Ok(batch)
            : StepResults.Fail<BatchRequest>(ConversionValidator.Failure(reader.Problems));
    }

    private sealed class ManifestReader(string folder, string jobName, int maxItems)
    {
        private readonly string _file = jobName.Length == 0 ? FileName : jobName + "/" + FileName;

        public List<ValidationProblem> Problems { get; } = [];

        public BatchRequest? Read(string json)
        {
            if (!ConversionNames.IsValid(jobName, out var nameProblem))
            {
                Add("name", $"The job name '{jobName}' is not usable: {nameProblem}");
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException ex)
            {
                Add("manifest", $"{_file} is not valid JSON: {ex.Message}");
                return null;
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    Add("manifest", $"{_file} must be a JSON object with an \"items\" list.");
                    return null;
                }

                var concurrency = ReadConcurrency(root);
                var defaults = ReadDefaults(root);
                var items = ReadItems(root, defaults);
                return new BatchRequest(jobName, items, concurrency);
            }
        }

        private int ReadConcurrency(JsonElement root)
        {
            if (!root.TryGetProperty("concurrency", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return DefaultConcurrency;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var concurrency))
            {
                Add("manifest", $"concurrency: must be a whole number from {MinConcurrency} to {MaxConcurrency}; got {value.GetRawText()}.");
                return DefaultConcurrency;
            }

            return Math.Clamp(concurrency, MinConcurrency, MaxConcurrency);
        }

        private ItemFields ReadDefaults(JsonElement root)
        {
            if (!root.TryGetProperty("defaults", out var defaults) || defaults.ValueKind == JsonValueKind.Null)
            {
                return new ItemFields(null, null, null);
            }

            if (defaults.ValueKind != JsonValueKind.Object)
            {
                Add("manifest", "defaults: must be an object with \"profile\", \"prompt\" and \"options\".");
                return new ItemFields(null, null, null);
            }

            return new ItemFields(
                ReadString(defaults, "prompt", "defaults.prompt"),
                ReadString(defaults, "profile", "defaults.profile"),
                ReadOptions(defaults, "defaults.options", null));
        }

        private List<ConversionRequest> ReadItems(JsonElement root, ItemFields defaults)
        {
            var requests = new List<ConversionRequest>();
            if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                Add("manifest", "items: the manifest needs an \"items\" list, one entry per conversion.");
                return requests;
            }

            if (items.GetArrayLength() == 0)
            {
                Add("count", "items: the list is empty; add at least one item.");
            }
            else if (items.GetArrayLength() > maxItems)
            {
                // Refused whole, before any item is read: nothing of a runaway job starts spending.
                Add("count", string.Create(
                    CultureInfo.InvariantCulture,
                    $"items: {items.GetArrayLength():N0} items; a job takes at most {maxItems:N0}. Split it into several jobs, or raise the limit."));
                return requests;
            }

            var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                if (ReadItem(item, index, defaults, names) is { } request)
                {
                    requests.Add(request);
                }

                index++;
            }

            return requests;
        }

        private ConversionRequest? ReadItem(JsonElement item, int index, ItemFields defaults, Dictionary<string, int> names)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"items[{index}]");
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add("manifest", $"{at}: must be an object with \"images\" and a prompt.");
                return null;
            }

            var before = Problems.Count;
            var images = ReadImages(item, at);
            var prompt = ReadString(item, "prompt", at + ".prompt") ?? defaults.Prompt;
            var profile = ReadString(item, "profile", at + ".profile") ?? defaults.Profile ?? NemoProfiles.Default.Name;
            var options = ReadOptions(item, at + ".options", defaults.Options);
            var name = ReadString(item, "name", at + ".name");

            if (ConversionValidator.CheckPrompt(prompt) is { } promptProblem)
            {
                Add("prompt", $"{at}.prompt: {(prompt is null ? "no prompt, and defaults.prompt is not set." : promptProblem.Message)}");
            }

            if (!NemoProfiles.TryGet(profile, out var known))
            {
                Add("profile", $"{at}.profile: {ConversionValidator.UnknownProfile(profile)}");
            }

            var itemName = name ?? (images.Count > 0 ? ConversionNames.FromFileName(images[0].Split('/')[^1]) : null);
            if (itemName is not null)
            {
                if (!ConversionNames.IsValid(itemName, out var reason))
                {
                    Add("name", $"{at}.name: {reason}");
                }
                else if (names.TryGetValue(itemName, out var first))
                {
                    Add("name", string.Create(
                        CultureInfo.InvariantCulture,
                        $"{at}.name: '{itemName}' is already the name of items[{first}]; give each item its own \"name\"."));
                }
                else
                {
                    names[itemName] = index;
                }
            }

            return Problems.Count > before || itemName is null
                ? null
                : new ConversionRequest(jobName + "/" + itemName, images, prompt!, known!.Name, options);
        }

        private List<string> ReadImages(JsonElement item, string at)
        {
            var keys = new List<string>();
            if (!item.TryGetProperty("images", out var images) || images.ValueKind != JsonValueKind.Array)
            {
                Add("count", $"{at}.images: missing; list the item's image files, e.g. \"images\": [\"photo.jpg\"].");
                return keys;
            }

            var count = images.GetArrayLength();
            if (count == 0 || count > ConversionLimits.MaxImages)
            {
                Add("count", string.Create(
                    CultureInfo.InvariantCulture,
                    $"{at}.images: {count} images; an item takes from 1 to {ConversionLimits.MaxImages}."));
            }

            var i = 0;
            foreach (var image in images.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{at}.images[{i++}]");
                if (image.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(image.GetString()))
                {
                    Add("manifest", $"{path}: must be a file name relative to the job folder, e.g. \"photo.jpg\".");
                }
                else if (Resolve(image.GetString()!, out var key) is { } problem)
                {
                    Add("unreadable", $"{path}: {problem}");
                }
                else
                {
                    keys.Add(key!);
                }
            }

            return keys;
        }

        private string? Resolve(string relative, out string? key)
        {
            key = null;
            if (relative.StartsWith('/') || relative.StartsWith('\\') || (relative.Length >= 2 && relative[1] == ':') || relative.Contains('\\', StringComparison.Ordinal))
            {
                return $"'{relative}' is not a path inside the job folder; use a relative path with '/', e.g. \"photos/a.jpg\".";
            }

            var segments = relative.Split('/').Where(s => s is not ("" or ".")).ToList();
            if (segments.Any(s => s == ".."))
            {
                return $"'{relative}' points outside the job folder ('..' is not allowed).";
            }

            if (segments.Count == 0 || segments.Any(s => s.Any(char.IsControl)))
            {
                return $"'{relative}' is not a usable file name.";
            }

            key = folder.Length == 0 ? string.Join('/', segments) : folder + "/" + string.Join('/', segments);
            return null;
        }

        private string? ReadString(JsonElement element, string property, string at)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Add("manifest", $"{at}: must be a string; got {value.GetRawText()}.");
                return null;
            }

            return value.GetString();
        }

        private ConversionOptions? ReadOptions(JsonElement element, string at, ConversionOptions? defaults)
        {
            if (!element.TryGetProperty("options", out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return defaults;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Add("options", $"{at}: must be an object, e.g. {{\"aspectRatio\": \"9:16\", \"durationSeconds\": 15}}.");
                return defaults;
            }

            return OptionsReader.Read(value, at, defaults, message => Add("options", message));
        }

        private void Add(string rule, string message) => Problems.Add(new ValidationProblem(_file, rule, message));
    }

    private sealed record ItemFields(string? Prompt, string? Profile, ConversionOptions? Options);
}
