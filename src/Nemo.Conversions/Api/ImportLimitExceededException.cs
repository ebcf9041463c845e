namespace Nemo.Conversions;

/// <summary>Thrown by <see cref="ImportStream"/> when the content passes the profile's size limit.</summary>
internal sealed class ImportLimitExceededException(long limit)
    : IOException($"The content is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
