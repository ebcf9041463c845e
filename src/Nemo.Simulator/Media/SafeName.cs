namespace Nemo.Simulator;

/// <summary>Ids and file names that may be used as path parts: letters, digits, <c>_ - .</c>, not starting with a dot.</summary>
internal static class SafeName
{
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 128 && value[0] != '.'
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
}
