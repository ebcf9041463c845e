using System.Diagnostics.CodeAnalysis;

namespace Nemo.Client;

/// <summary>The five documented Nemo image-to-video profiles.</summary>
public static class NemoProfiles
{
    private const long MiB = 1024 * 1024;

    private static readonly string[] StillImages = ["jpg", "jpeg", "png", "webp", "heic"];
    private static readonly string[] StillAndGif = ["jpg", "jpeg", "png", "gif", "webp"];

    /// <summary><c>image-to-video-best</c>: the general-purpose default.</summary>
    public static NemoProfile Best { get; } = new(
        "best", "image-to-video-best", StillImages, 200 * MiB,
        "turn my photo into a smooth animated video with music",
        TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    /// <summary><c>image-to-video-long-duration</c>: minutes-long videos.</summary>
    public static NemoProfile LongDuration { get; } = new(
        "long-duration", "image-to-video-long-duration", StillImages, 200 * MiB,
        "turn this image into a 2-minute video with smooth motion and background music",
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3));

    /// <summary><c>image-to-video-motion-control</c>: camera moves (zoom, pan); 50 MB inputs.</summary>
    public static NemoProfile MotionControl { get; } = new(
        "motion-control", "image-to-video-motion-control", StillImages, 50 * MiB,
        "animate this image with a slow zoom-in and leftward pan",
        TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60));

    /// <summary><c>image-animation-generator</c>: subtle motion effects.</summary>
    public static NemoProfile AnimationGenerator { get; } = new(
        "animation-generator", "image-animation-generator", StillImages, 200 * MiB,
        "animate this image with a slow zoom and subtle motion effect",
        TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));

    /// <summary><c>image-to-video-ezgif</c>: looping videos from several images; takes GIF, not HEIC.</summary>
    public static NemoProfile Ezgif { get; } = new(
        "ezgif", "image-to-video-ezgif", StillAndGif, 200 * MiB,
        "turn my images into a looping animated video like ezgif does",
        TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40));

    /// <summary>All five profiles, <see cref="Best"/> first.</summary>
    public static IReadOnlyList<NemoProfile> All { get; } = [Best, LongDuration, MotionControl, AnimationGenerator, Ezgif];

    /// <summary>The default profile.</summary>
    public static NemoProfile Default => Best;

    /// <summary>Finds a profile by its short name or its skill source, ignoring case.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out NemoProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(name);
        profile = All.FirstOrDefault(p =>
            string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.SkillSource, name, StringComparison.OrdinalIgnoreCase));
        return profile is not null;
    }

    /// <summary>Finds a profile by name, or throws an <see cref="ArgumentException"/> listing the valid names.</summary>
    public static NemoProfile Get(string name) =>
        TryGet(name, out var profile)
            ? profile
            : throw new ArgumentException(
                $"Unknown profile '{name}'. Valid profiles: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
}
