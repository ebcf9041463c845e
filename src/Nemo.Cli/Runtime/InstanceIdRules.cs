using System.Buffers;

namespace Nemo.Cli.Runtime;

/// <summary>Instance ids name folders: ASCII letters, digits, <c>-</c>, <c>_</c> and <c>.</c> only, at most 128.</summary>
internal static class InstanceIdRules
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static bool IsValid(string? instanceId) =>
        !string.IsNullOrEmpty(instanceId)
        && instanceId.Length <= 128
        && instanceId[0] != '.'
        && !instanceId.AsSpan().ContainsAnyExcept(Allowed);

    public static void Validate(string? instanceId)
    {
        if (!IsValid(instanceId))
        {
            throw new ArgumentException(
                $"Instance id '{instanceId}' is not valid: use 1–128 ASCII letters, digits, '-', '_' or '.', not starting with '.'.",
                nameof(instanceId));
        }
    }
}
