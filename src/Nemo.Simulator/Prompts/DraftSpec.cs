namespace Nemo.Simulator;

/// <summary>What a session's prompts asked for so far; the draft is rebuilt from it and the uploads.</summary>
internal sealed record DraftSpec
{
    public string AspectRatio { get; init; } = "16:9";

    public string? Zoom { get; init; }

    public string? Pan { get; init; }

    public string? Music { get; init; }

    public string? Title { get; init; }

    public int? TotalMilliseconds { get; init; }

    public (int Width, int Height) Size => AspectRatio switch
    {
        "9:16" => (1080, 1920),
        "1:1" => (1080, 1080),
        _ => (1920, 1080),
    };
}
