namespace Nemo.Testing;

/// <summary>The repository's <c>samples/</c> folder (real images) and the agent replies tests phrase several ways.</summary>
internal static class Samples
{
    /// <summary>The repository's <c>samples/</c> folder, found above the test binaries.</summary>
    public static string Directory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var samples = Path.Combine(directory.FullName, "samples");
                if (File.Exists(Path.Combine(samples, "coffee.jpg")))
                {
                    return samples;
                }
            }

            throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>
    /// An agent asking back instead of drafting, phrased as real replies are: a question that goes on with examples
    /// (so it ends with a full stop), an instruction, French with a spaced question mark, Chinese without one.
    /// </summary>
    public static TheoryData<string> ClarifyingReplies =>
    [
        "Could you tell me a bit more about the video you want? For example the motion, the length, and whether it should have music or a title.",
        "Tell me which way the camera should move and how long the video should be.",
        "Quel mouvement souhaitez-vous ? Par exemple un zoom lent ou un panoramique.",
        "视频要多长？需要背景音乐吗",
    ];
}
